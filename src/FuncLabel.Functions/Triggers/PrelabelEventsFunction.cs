using System.Globalization;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Triggers;

/// <summary>Queue <c>prelabel-events</c>: blob-created events for <c>prelabels/{projectId}/{importId}.ndjson</c>, imported by <see cref="PrelabelImporter"/>.</summary>
/// <remarks>
/// A run that throws fails the invocation, so the host retries the message; on its last allowed delivery
/// (<see cref="MaxDequeueCountSetting"/>, host.json <c>extensions.queues.maxDequeueCount</c>) the import is first marked
/// failed with the error (<see cref="PrelabelImporter.GiveUpAsync"/>), then the exception goes on and the host moves
/// the message to <c>prelabel-events-poison</c>. The handler cannot read host.json: Azure applies the
/// <c>AzureFunctionsJobHost__extensions__queues__maxDequeueCount</c> app setting over host.json, and the same setting
/// reaches the handler; without it the default equals host.json's value.
/// </remarks>
public sealed class PrelabelEventsFunction(PrelabelImporter importer, IConfiguration configuration, ILogger<PrelabelEventsFunction> logger) : IQueueFunction
{
    [Function("prelabelEvents")]
    public async Task Run([QueueTrigger(Data.StorageNames.Queues.PrelabelEvents)] string message, FunctionContext context, CancellationToken cancellationToken) =>
        (await HandleAsync(QueueInvocation.From(context, message), cancellationToken)).LogTo(logger);

    public const string MaxDequeueCountSetting = "AzureFunctionsJobHost:extensions:queues:maxDequeueCount";

    /// <summary>host.json's <c>extensions.queues.maxDequeueCount</c> (checked by a test).</summary>
    public const int DefaultMaxDequeueCount = 5;

    public async Task<InvocationOutcome> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var batch = BlobEventParser.Parse(invocation.Body);
        var logs = batch.Problems.Select(p => $"skipped: {p}").ToList();
        var maxDequeueCount = configuration.GetValue(MaxDequeueCountSetting, DefaultMaxDequeueCount);
        foreach (var blobEvent in batch.Events.Where(e => e.Container == Data.StorageNames.BlobContainers.Prelabels))
        {
            ImportRun run;
            try
            {
                run = await importer.ImportAsync(blobEvent, cancellationToken);
            }
            catch (Exception e) when (invocation.DequeueCount >= maxDequeueCount && e is not OperationCanceledException)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"The import failed on delivery {invocation.DequeueCount} of {maxDequeueCount} and will not be retried: {e.GetType().Name}: {e.Message}");
                await importer.GiveUpAsync(blobEvent, reason.Length > 1000 ? reason[..1000] : reason, cancellationToken);
                throw;
            }

            logs.Add(run.Skipped
                ? $"import {run.ImportId}: nothing to do"
                : string.Create(CultureInfo.InvariantCulture, $"import {run.ImportId} {run.State}: {run.Counts.Lines} lines, {run.Counts.Accepted} accepted, {run.Counts.ToReview} to review, {run.Counts.Dropped} dropped, {run.Counts.Rejected} rejected, {run.Counts.Pending} pending in {run.Elapsed.TotalSeconds:F1} s"));
        }

        return new InvocationOutcome(logs);
    }
}
