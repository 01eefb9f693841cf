using Azure;
using Azure.Storage.Blobs;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// An uploaded blob as ingestion reads it: where it is, and its version when the trigger fired.
/// </summary>
/// <param name="Id">What identifies this upload across redeliveries (container, name and ETag).</param>
/// <param name="Container">The container (<c>assets</c> or <c>prelabels</c>).</param>
/// <param name="BlobName">The blob name inside the container (may contain <c>/</c>).</param>
/// <param name="ETag">The blob's ETag when it was read for the trigger, if it still existed.</param>
/// <param name="ContentLength">Its size then.</param>
/// <param name="EventTime">Its last modification then.</param>
internal sealed record BlobCreatedEvent(string Id, string Container, string BlobName, string? ETag, long? ContentLength, DateTimeOffset? EventTime)
{
    /// <summary>
    /// The blob a trigger handed over, with its current properties; null when it was deleted before the trigger ran
    /// (triggers deliver at least once, and late).
    /// </summary>
    public static async Task<BlobCreatedEvent?> OfAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var etag = properties.ETag.ToString();
            return new BlobCreatedEvent($"{blob.BlobContainerName}/{blob.Name}/{etag}", blob.BlobContainerName, blob.Name, etag, properties.ContentLength, properties.LastModified);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
