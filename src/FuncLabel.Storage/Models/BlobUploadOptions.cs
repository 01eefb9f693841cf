namespace FuncLabel.Storage.Models;

/// <summary>Optional settings of an upload.</summary>
public sealed class BlobUploadOptions
{
    /// <summary>Default single-request limit and block size: 4 MiB keeps one buffer small and requests short.</summary>
    public const int DefaultBlockSize = 4 * 1024 * 1024;

    /// <summary>The blob's Content-Type. Default: the service's <c>application/octet-stream</c>.</summary>
    public string? ContentType { get; init; }

    /// <summary>User metadata stored with the blob; names must be C# identifiers, values ASCII.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Fail with 409 <c>BlobAlreadyExists</c> instead of overwriting (<c>If-None-Match: *</c>).</summary>
    public bool CreateOnly { get; init; }

    /// <summary>
    /// Streams up to this size go in one Put Blob; longer ones are sent as blocks of this size and committed with
    /// Put Block List. One buffer of this size is the upload's whole memory.
    /// </summary>
    public int BlockSize { get; init; } = DefaultBlockSize;
}
