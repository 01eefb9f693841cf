using Azure.Storage;

namespace FuncLabel.Data.Storage;

/// <summary>How the app's blob uploads are cut into requests.</summary>
internal static class BlobTransfer
{
    /// <summary>4 MiB per request, one at a time: an upload holds one block in memory, whatever its length.</summary>
    /// <remarks>
    /// Stated rather than left to the SDK's defaults, which allow far larger single requests (and buffer a non-seekable
    /// stream up to that size first). Four blocks at a time were no faster against Azurite on two cores and held four
    /// blocks; against Azure's latency they may be. Figures: bench/results/storage-streaming.md.
    /// </remarks>
    public static StorageTransferOptions Options { get; } = new()
    {
        InitialTransferSize = 4 * 1024 * 1024,
        MaximumTransferSize = 4 * 1024 * 1024,
        MaximumConcurrency = 1,
    };
}
