namespace FuncLabel.Storage.Models;

/// <summary>A blob (or a range of it) read into memory. For large blobs use the streaming download.</summary>
public sealed class BlobDownloadResult
{
    internal BlobDownloadResult(BinaryData content, BlobProperties details)
    {
        Content = content;
        Details = details;
    }

    /// <summary>The bytes returned: the whole blob, or only the requested range.</summary>
    public BinaryData Content { get; }

    public BlobProperties Details { get; }
}
