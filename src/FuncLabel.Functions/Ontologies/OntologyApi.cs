using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Ontologies;

/// <summary>
/// <c>GET/PUT projects/{projectId}/ontology</c>. A PUT that changes anything creates the next version; an identical PUT
/// is answered with the current version and writes nothing. Removing (or changing the tool of) a class, question or
/// option that a stored label or pending line uses → 409 <c>ontology_in_use</c>. ETag = the ontology version.
/// </summary>
internal static class OntologyApi
{
    

    public static async Task<Results<Ok<OntologyView>, ProblemHttpResult>> GetAsync(
        string projectId, int? version, HttpContext http, OntologyStore store, CancellationToken cancellationToken)
    {
        if (version is { } wanted)
        {
            var stored = await store.GetVersionAsync(projectId, wanted, cancellationToken);
            return stored is null
                ? Problems.NotFound($"Project '{projectId}' has no ontology version {wanted}.")
                : TypedResults.Ok(new OntologyView(wanted, stored.Ontology, stored.ChangedBy, stored.ChangedAt));
        }

        var current = await store.GetCurrentAsync(projectId, cancellationToken);
        if (current is null)
        {
            return Problems.NotFound($"Project '{projectId}' has no ontology yet.");
        }

        Versions.SetETag(http.Response, current.Version);
        return TypedResults.Ok(new OntologyView(checked((int)current.Version), current.Ontology, current.ChangedBy, current.ChangedAt));
    }

    public static async Task<Results<Ok<OntologyView>, ValidationProblem, ProblemHttpResult>> PutAsync(
        string projectId, OntologyDraft draft, HttpContext http, OntologyStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = await store.GetCurrentAsync(projectId, cancellationToken);
        if (!Versions.IfMatchAllows(http.Request, current?.Version ?? 0))
        {
            return Problems.PreconditionFailed();
        }

        var previous = current is null ? null : OntologySnapshot.Restore(current.Ontology, checked((int)current.Version));
        var built = OntologyBuilder.Build(draft with { Classes = draft.Classes ?? [] }, previous);
        if (built.Ontology is null)
        {
            var errors = new FieldErrors();
            foreach (var error in built.Errors)
            {
                errors.Add(error.Path, error.Message);
            }

            return errors.ToProblem();
        }

        if (!built.Changed && current is not null)
        {
            Versions.SetETag(http.Response, current.Version);
            return TypedResults.Ok(new OntologyView(checked((int)current.Version), current.Ontology, current.ChangedBy, current.ChangedAt));
        }

        if (previous is not null)
        {
            var breaking = OntologyDiff.Between(previous, built.Ontology).BreakingFor(await store.UsedSchemaIdsAsync(projectId, cancellationToken));
            if (breaking.Count > 0)
            {
                return Problems.Conflict("ontology_in_use", $"Removing or changing the tool of entries in use by labels: {string.Join(", ", breaking)}.");
            }
        }

        var now = time.GetUtcNow();
        var saved = await store.SaveAsync(projectId, built.Ontology, current, new ChangeContext(http.Caller().UserId, now, projectId), cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        Versions.SetETag(http.Response, saved.Value.Version);
        return TypedResults.Ok(new OntologyView(built.Ontology.Version, saved.Value.Ontology, saved.Value.ChangedBy, saved.Value.ChangedAt));
    }
}

/// <summary>An ontology version as the API shows it: every schema id filled in.</summary>
internal sealed record OntologyView(int Version, OntologyDraft Ontology, string ChangedBy, DateTimeOffset ChangedAt);
