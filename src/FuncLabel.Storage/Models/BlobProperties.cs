using Azure;

namespace FuncLabel.Storage.Models;

/// <summary>What Get Blob Properties (and the headers of Get Blob) say about a blob.</summary>
public sealed class BlobProperties
{
    internal BlobProperties(
        ETag eTag, long contentLength, string? contentType, DateTimeOffset lastModified, DateTimeOffset? createdOn,
        IReadOnlyDictionary<string, string> metadata)
    {
        ETag = eTag;
        ContentLength = contentLength;
        ContentType = contentType;
        LastModified = lastModified;
        CreatedOn = createdOn;
        Metadata = metadata;
    }

    public ETag ETag { get; }

    /// <summary>The length of the whole blob in bytes (also for a range download: see <see cref="BlobDownloadStreamingResult"/>).</summary>
    public long ContentLength { get; }

    public string? ContentType { get; }

    public DateTimeOffset LastModified { get; }

    public DateTimeOffset? CreatedOn { get; }

    /// <summary>User metadata (<c>x-ms-meta-*</c>), names compared case-insensitively as the service does.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}
