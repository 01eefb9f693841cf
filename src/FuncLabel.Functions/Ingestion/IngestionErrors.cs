using FuncLabel.Data.Assets;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Records why an uploaded blob was not ingested (an unknown project, an unusable path) as an ingestion error of the
/// project its path names. Once per blob version: the error's id derives from the container, the name and the ETag
/// (the event id when there is none), so a redelivered event records nothing more.
/// </summary>
internal sealed class IngestionErrors(AssetStore assets, TimeProvider time)
{
    /// <param name="reason">Lower snake_case, e.g. <c>unknown_project</c>, <c>invalid_path</c>.</param>
    /// <param name="message">What the uploader should fix, in a sentence.</param>
    public Task RecordAsync(string projectId, BlobCreatedEvent blobEvent, string reason, string message, CancellationToken cancellationToken) =>
        assets.RecordErrorAsync(
            new IngestErrorDocument
            {
                Id = IngestErrorDocument.IdFor($"{blobEvent.Container}/{blobEvent.BlobName}/{blobEvent.ETag ?? blobEvent.Id}"),
                Pk = projectId,
                ProjectId = projectId,
                Container = blobEvent.Container,
                BlobName = blobEvent.BlobName,
                Reason = reason,
                Message = message,
                EventId = blobEvent.Id,
                At = time.GetUtcNow(),
            },
            cancellationToken);
}
