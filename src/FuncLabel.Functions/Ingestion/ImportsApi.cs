using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Ontologies;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Pre-label imports: list, status (counts, progress, first rejected lines, a short-lived read URL of the error file),
/// and a dry run that validates and routes an NDJSON body without storing anything.
/// </summary>
internal static class ImportsApi
{
    /// <summary>Most lines a dry run reads; the body is also bounded by the request-size limit (<c>Limits:MaxBodyBytes</c>).</summary>
    public const int DryRunMaxLines = 10_000;

    public static readonly TimeSpan ErrorFileUrlLifetime = TimeSpan.FromMinutes(15);

    

    public static async Task<Ok<ListPage<ImportView>>> ListAsync(
        string projectId, int? limit, string? continuationToken, ImportStore imports, CancellationToken cancellationToken)
    {
        var page = await imports.ListAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<ImportView>(page.Items.Select(i => ImportView.From(i, null)).ToList(), page.ContinuationToken));
    }

    public static async Task<Results<Ok<ImportView>, ProblemHttpResult>> GetAsync(
        string projectId, string importId, HttpContext http, ImportStore imports, ImportFileStore files, CancellationToken cancellationToken)
    {
        var import = Ids.IsResourceId(importId) ? await imports.GetAsync(projectId, importId, cancellationToken) : null;
        if (import is null)
        {
            return Problems.NotFound($"Import '{importId}' was not found.");
        }

        string? errorFileUrl = null;
        if (import.ErrorFile is not null)
        {
            errorFileUrl = (await files.CreateErrorFileReadUrlAsync(import.ErrorFile, ErrorFileUrlLifetime, cancellationToken)).ToString();
        }

        Versions.SetETag(http.Response, import.Version);
        return TypedResults.Ok(ImportView.From(import, errorFileUrl));
    }

    /// <summary>
    /// Validates and routes the NDJSON body against the current ontology, resolving data rows read-only (an unknown
    /// <c>id</c> is rejected, an unknown <c>globalKey</c> counted as pending). Nothing is stored.
    /// </summary>
    public static async Task<Results<Ok<DryRunView>, ProblemHttpResult>> DryRunAsync(
        string projectId, HttpContext http, OntologyStore ontologies, AssetStore assets, IConfiguration configuration, CancellationToken cancellationToken)
    {
        var ontology = await ontologies.GetCurrentOntologyAsync(projectId, cancellationToken);
        if (ontology is null)
        {
            return Problems.Conflict("no_ontology", "The project has no ontology yet.");
        }

        var errors = new List<ImportLineError>();
        var planner = new PrelabelPlanner(projectId, "dry-run", ontology, assets)
        {
            MaxLineBytes = configuration.GetValue("Imports:MaxLineBytes", 16 * 1024 * 1024),
            OnRejected = (error, _) =>
            {
                if (errors.Count < Data.Imports.ImportDocument.FirstErrorsKept * 20)
                {
                    errors.Add(error);
                }

                return ValueTask.CompletedTask;
            },
        };
        var truncated = false;
        await foreach (var _ in planner.PlanAsync(http.Request.Body, cancellationToken))
        {
            if (planner.Tally.Lines >= DryRunMaxLines)
            {
                truncated = true;
                break;
            }
        }

        truncated |= planner.Tally.Lines >= DryRunMaxLines;
        return TypedResults.Ok(new DryRunView(ontology.Version, planner.Tally.Snapshot(), errors, truncated));
    }
}

/// <summary>An import as the API shows it.</summary>
/// <param name="Counts">
/// Where every line is now: <c>pending</c> counts lines still waiting for their asset, and a parked line that has been
/// applied since moves to <c>accepted</c> or <c>toReview</c> (its route was decided at import time), so
/// <c>lines = rejected + dropped + pending + accepted + toReview</c> holds throughout.
/// </param>
/// <param name="PendingApplied">Parked lines applied since their asset arrived (included in <c>accepted</c>/<c>toReview</c>).</param>
/// <param name="FailureKind"><c>no_ontology</c>, <c>gave_up</c> (the run failed on its last allowed delivery) or <c>stalled</c> (its run died).</param>
internal sealed record ImportView(
    string Id, string State, string RequestedBy, int OntologyVersion, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    ImportCounts Counts, long PendingApplied, double Progress, long BytesRead, long TotalBytes, IReadOnlyList<ImportLineError> FirstErrors,
    string? ErrorFile, string? ErrorFileUrl, string? Failure, string? FailureKind)
{
    public static ImportView From(ImportDocument i, string? errorFileUrl)
    {
        // Applied counts come from asset arrivals; clamp in case a rerun re-parked fewer lines than were counted applied.
        var applied = Math.Min(i.AppliedAccepted + i.AppliedToReview, i.Counts.Pending);
        var accepted = Math.Min(i.AppliedAccepted, applied);
        var counts = i.Counts with
        {
            Pending = i.Counts.Pending - applied,
            Accepted = i.Counts.Accepted + accepted,
            ToReview = i.Counts.ToReview + (applied - accepted),
        };
        return new(
            i.ImportId, i.State.ToString().ToLowerInvariant(), i.RequestedBy, i.OntologyVersion, i.StartedAt, i.FinishedAt, counts, applied,
            i.State == ImportState.Finished ? 1 : i.TotalBytes == 0 ? 0 : Math.Min(1, (double)i.BytesRead / i.TotalBytes),
            i.BytesRead, i.TotalBytes, i.FirstErrors, i.ErrorFile, errorFileUrl, i.Failure, i.FailureKind);
    }
}

/// <param name="Truncated">True when the body had more than <see cref="ImportsApi.DryRunMaxLines"/> lines (the rest was not read).</param>
internal sealed record DryRunView(int OntologyVersion, ImportCounts Counts, IReadOnlyList<ImportLineError> Errors, bool Truncated);
