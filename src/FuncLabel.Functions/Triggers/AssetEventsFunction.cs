using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Triggers;

/// <summary>
/// Queue <c>asset-events</c>: Event Grid blob-created events for the <c>assets</c> container (base64 or plain JSON, one
/// event or an array). Each event is ingested by <see cref="AssetIngestion"/>; messages that hold no usable event are
/// logged and completed (retrying cannot make them readable).
/// </summary>
public sealed class AssetEventsFunction(AssetIngestion ingestion, ILogger<AssetEventsFunction> logger) : IQueueFunction
{
    [Function("assetEvents")]
    public async Task Run([QueueTrigger(Data.StorageNames.Queues.AssetEvents)] string message, FunctionContext context, CancellationToken cancellationToken) =>
        (await HandleAsync(QueueInvocation.From(context, message), cancellationToken)).LogTo(logger);

    public async Task<InvocationOutcome> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var batch = BlobEventParser.Parse(invocation.Body);
        var logs = batch.Problems.Select(p => $"skipped: {p}").ToList();
        foreach (var blobEvent in batch.Events.Where(e => e.Container == Data.StorageNames.BlobContainers.Assets))
        {
            logs.Add(await ingestion.IngestAsync(blobEvent, cancellationToken));
        }

        return new InvocationOutcome(logs);
    }
}
