using Azure;

namespace FuncLabel.Storage.Models;

/// <summary>One blob of a listing.</summary>
public sealed class BlobItem
{
    internal BlobItem(
        string name, ETag eTag, long contentLength, string? contentType, DateTimeOffset lastModified,
        IReadOnlyDictionary<string, string> metadata)
    {
        Name = name;
        ETag = eTag;
        ContentLength = contentLength;
        ContentType = contentType;
        LastModified = lastModified;
        Metadata = metadata;
    }

    /// <summary>The full blob name, unescaped (spaces, unicode and '/' as written).</summary>
    public string Name { get; }

    public ETag ETag { get; }

    public long ContentLength { get; }

    public string? ContentType { get; }

    public DateTimeOffset LastModified { get; }

    public IReadOnlyDictionary<string, string> Metadata { get; }
}
