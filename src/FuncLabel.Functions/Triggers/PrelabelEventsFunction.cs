using System.Globalization;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Invocation;

namespace FuncLabel.Functions.Triggers;

/// <summary>Queue <c>prelabel-events</c>: blob-created events for <c>prelabels/{projectId}/{importId}.ndjson</c>, imported by <see cref="PrelabelImporter"/>.</summary>
public sealed class PrelabelEventsFunction(PrelabelImporter importer) : IQueueFunction
{
    public async Task<InvocationOutcome> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var batch = BlobEventParser.Parse(invocation.Body);
        var logs = batch.Problems.Select(p => $"skipped: {p}").ToList();
        foreach (var blobEvent in batch.Events.Where(e => e.Container == Data.StorageNames.BlobContainers.Prelabels))
        {
            var run = await importer.ImportAsync(blobEvent, cancellationToken);
            logs.Add(run.Skipped
                ? $"import {run.ImportId}: nothing to do"
                : string.Create(CultureInfo.InvariantCulture, $"import {run.ImportId} {run.State}: {run.Counts.Lines} lines, {run.Counts.Accepted} accepted, {run.Counts.ToReview} to review, {run.Counts.Dropped} dropped, {run.Counts.Rejected} rejected, {run.Counts.Pending} pending in {run.Elapsed.TotalSeconds:F1} s"));
        }

        return new InvocationOutcome(logs);
    }
}
