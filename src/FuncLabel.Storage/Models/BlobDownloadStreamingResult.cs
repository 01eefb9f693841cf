namespace FuncLabel.Storage.Models;

/// <summary>
/// A blob (or a range of it) as the response's network stream: nothing is buffered beyond the socket's own buffers.
/// Dispose it to release the connection.
/// </summary>
/// <remarks>
/// The stream is not resumable: a connection dropped mid-read surfaces as an <see cref="IOException"/>; callers
/// that need to continue issue a range download from the offset they reached.
/// </remarks>
public sealed class BlobDownloadStreamingResult : IDisposable, IAsyncDisposable
{
    private readonly IDisposable _owner;

    internal BlobDownloadStreamingResult(Stream content, long contentLength, BlobProperties details, IDisposable owner)
    {
        _owner = owner;
        Content = content;
        ContentLength = contentLength;
        Details = details;
    }

    /// <summary>The bytes of the blob or of the requested range, read from the network as they arrive.</summary>
    public Stream Content { get; }

    /// <summary>The number of bytes <see cref="Content"/> yields (the range length for a range download).</summary>
    public long ContentLength { get; }

    public BlobProperties Details { get; }

    public void Dispose()
    {
        Content.Dispose();
        _owner.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await Content.DisposeAsync().ConfigureAwait(false);
        _owner.Dispose();
    }
}
