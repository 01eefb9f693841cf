using FuncLabel.Functions.Http.OpenApi;
using System.Text.Json;
using FuncLabel.Data.Ontologies;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Scoring;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Scoring;

/// <summary>
/// "Calculate score", stateless, in two forms that differ only in where the ontology comes from:
/// <c>POST /api/score</c> takes it inline (any authenticated caller; nothing is read from or written to any project);
/// <c>POST /api/projects/{projectId}/score</c> takes a version of the project's stored ontology (project members only,
/// and the ontology is the only thing read). Neither reads gold from storage, so no gold can leak through them: the
/// caller supplies both sides.
/// </summary>
internal static class ScoreApi
{
    

    /// <summary>
    /// Scores with version <see cref="ProjectScoreRequest.OntologyVersion"/> of the project's ontology (required: labels
    /// pin versions, and naming it keeps the score recomputable). An unknown version is a field error, like any other
    /// unusable input.
    /// </summary>
    public static async Task<Results<Ok<ScoreResult>, ValidationProblem>> ScoreWithProjectOntologyAsync(
        string projectId, ProjectScoreRequest request, OntologyStore store, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (request.OntologyVersion is not { } version)
        {
            return errors.Add("ontologyVersion", "is required: the version of the project's ontology both sides use").ToProblem();
        }

        if (version < 1)
        {
            return errors.Add("ontologyVersion", "must be 1 or more").ToProblem();
        }

        var ontology = await ReadVersionAsync(store, projectId, version, cancellationToken);
        if (ontology is null)
        {
            return errors.Add("ontologyVersion", $"the project has no ontology version {version}").ToProblem();
        }

        return ScoreWith(ontology, request.Gold, request.Candidate, request.Asset, request.Options, errors);
    }

    public static Results<Ok<ScoreResult>, ValidationProblem> Score(ScoreRequest request)
    {
        var errors = new FieldErrors();
        if (request.Ontology is null)
        {
            return errors.Add("ontology", "is required: { classes: [...] } (schemaId, name, tool, classifications, options)").ToProblem();
        }

        var built = OntologyBuilder.Build(request.Ontology, previous: null);
        foreach (var error in built.Errors)
        {
            errors.Add("ontology." + error.Path, error.Message);
        }

        if (built.Ontology is null)
        {
            CheckSettings(request.Asset, request.Options, errors);
            return errors.ToProblem();
        }

        return ScoreWith(built.Ontology, request.Gold, request.Candidate, request.Asset, request.Options, errors);
    }

    /// <summary>
    /// The immutable copy of the version, or the current document when it is that version (its copy is written
    /// through the outbox and may not be there yet).
    /// </summary>
    private static async Task<Ontology?> ReadVersionAsync(OntologyStore store, string projectId, int version, CancellationToken cancellationToken)
    {
        if (await store.GetVersionAsync(projectId, version, cancellationToken) is { } stored)
        {
            return OntologySnapshot.Restore(stored.Ontology, version);
        }

        return await store.GetCurrentAsync(projectId, cancellationToken) is { } current && current.Version == version
            ? OntologySnapshot.Restore(current.Ontology, version)
            : null;
    }

    private static Results<Ok<ScoreResult>, ValidationProblem> ScoreWith(
        Ontology ontology, JsonElement? goldArray, JsonElement? candidateArray, AssetExtent? asset, ScoringOptionsRequest? requested, FieldErrors errors)
    {
        var (extent, options) = CheckSettings(asset, requested, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var gold = Read(goldArray, "gold", ontology, extent, AnnotationSource.Gold, errors);
        var candidate = Read(candidateArray, "candidate", ontology, extent, AnnotationSource.Human, errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(CandidateScore.Of(gold, candidate, extent, options));
    }

    private static (AssetExtent Extent, ScoringOptions Options) CheckSettings(AssetExtent? asset, ScoringOptionsRequest? requested, FieldErrors errors)
    {
        var options = requested?.WithDefaults() ?? ScoringOptions.Default;
        foreach (var problem in options.Problems())
        {
            errors.Add("options." + problem.Field, problem.Message);
        }

        var extent = asset ?? AssetExtent.Unknown;
        errors.Check(extent.Width is null or > 0, "asset.width", "must be positive")
            .Check(extent.Height is null or > 0, "asset.height", "must be positive")
            .Check(extent.CodePoints is null or >= 0, "asset.codePoints", "must not be negative");
        return (extent, options);
    }

    private static IReadOnlyList<Annotation> Read(JsonElement? array, string field, Ontology ontology, AssetExtent extent, AnnotationSource source, FieldErrors errors)
    {
        if (array is null)
        {
            errors.Add(field, "is required: an array of annotations (Labelbox NDJSON objects; dataRow optional)");
            return [];
        }

        var (annotations, problems) = AnnotationArrayReader.Read(array.Value, field, ontology, "score", extent, source);
        foreach (var problem in problems)
        {
            errors.Add(problem.Field, $"{JsonNamingPolicy.SnakeCaseLower.ConvertName(problem.Reason.ToString())}: {problem.Message}");
        }

        return annotations;
    }
}

/// <summary>Body of <c>POST /api/score</c>.</summary>
/// <param name="Ontology">The classes both sides use (schema ids given or derived from names).</param>
/// <param name="Gold">Gold annotations: Labelbox NDJSON objects (<c>dataRow</c> optional).</param>
/// <param name="Candidate">The candidate's annotations, same format.</param>
/// <param name="Asset">What is known of the asset (width/height for images, codePoints for text): bounds and distance scale.</param>
/// <param name="Options">Match threshold, pass overlap, σ for points and polylines; each one omitted takes its default.</param>
internal sealed record ScoreRequest(OntologyDraft? Ontology, [property: Shape(typeof(AnnotationLine))] JsonElement? Gold, [property: Shape(typeof(AnnotationLine))] JsonElement? Candidate, AssetExtent? Asset, ScoringOptionsRequest? Options);

/// <summary>Body of <c>POST /api/projects/{projectId}/score</c>: as <see cref="ScoreRequest"/>, with a stored ontology version instead of an inline ontology.</summary>
/// <param name="OntologyVersion">The version of the project's ontology (see <c>GET /api/projects/{projectId}/ontology</c>).</param>
/// <param name="Gold">Gold annotations: Labelbox NDJSON objects (<c>dataRow</c> optional).</param>
/// <param name="Candidate">The candidate's annotations, same format.</param>
/// <param name="Asset">What is known of the asset (width/height for images, codePoints for text): bounds and distance scale.</param>
/// <param name="Options">Match threshold, pass overlap, σ for points and polylines; each one omitted takes its default.</param>
internal sealed record ProjectScoreRequest(int? OntologyVersion, [property: Shape(typeof(AnnotationLine))] JsonElement? Gold, [property: Shape(typeof(AnnotationLine))] JsonElement? Candidate, AssetExtent? Asset, ScoringOptionsRequest? Options);
