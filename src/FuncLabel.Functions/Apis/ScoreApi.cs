using System.Text.Json;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Scoring;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Apis;

/// <summary>
/// <c>POST /api/score</c>: "calculate score", stateless. Any authenticated caller may compare two annotation sets
/// they already hold; nothing is read from or written to the project, so no gold can leak through it.
/// </summary>
public static class ScoreApi
{
    public static IEndpointRouteBuilder MapScoreApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/score", Score).WithTags("Scoring").Allow(AccessRule.Authenticated).ChangesNoState();
        return app;
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

        var options = request.Options ?? ScoringOptions.Default;
        foreach (var problem in options.Problems())
        {
            errors.Add("options." + problem.Field, problem.Message);
        }

        var extent = request.Asset ?? AssetExtent.Unknown;
        errors.Check(extent.Width is null or > 0, "asset.width", "must be positive")
            .Check(extent.Height is null or > 0, "asset.height", "must be positive")
            .Check(extent.CodePoints is null or >= 0, "asset.codePoints", "must not be negative");
        if (errors.Any || built.Ontology is null)
        {
            return errors.ToProblem();
        }

        var gold = Read(request.Gold, "gold", built.Ontology, extent, AnnotationSource.Gold, errors);
        var candidate = Read(request.Candidate, "candidate", built.Ontology, extent, AnnotationSource.Human, errors);
        return errors.Any ? errors.ToProblem() : TypedResults.Ok(CandidateScore.Of(gold, candidate, extent, options));
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
/// <param name="Options">Match threshold, pass overlap, σ for points and polylines; defaults when absent.</param>
public sealed record ScoreRequest(OntologyDraft? Ontology, JsonElement? Gold, JsonElement? Candidate, AssetExtent? Asset, ScoringOptions? Options);
