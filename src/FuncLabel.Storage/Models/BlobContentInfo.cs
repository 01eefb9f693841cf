using Azure;

namespace FuncLabel.Storage.Models;

/// <summary>The state of a blob after an upload or a metadata change.</summary>
public sealed class BlobContentInfo
{
    internal BlobContentInfo(ETag eTag, DateTimeOffset lastModified)
    {
        ETag = eTag;
        LastModified = lastModified;
    }

    public ETag ETag { get; }

    public DateTimeOffset LastModified { get; }
}
