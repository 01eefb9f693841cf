using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Data.Storage;

namespace FuncLabel.Data.Assets;

/// <summary>
/// The uploaded bytes of assets: blob container <c>assets</c>, one blob per asset at <c>{projectId}/{path}</c>, where the
/// path is the asset's globalKey (spaces, unicode and nested '/' as the uploader wrote them).
/// </summary>
internal sealed class AssetContentStore(BlobServiceClient blobs, BlobUrlSigner urls)
{
    private readonly ContainerOnce _container = new(blobs.GetBlobContainerClient(StorageNames.BlobContainers.Assets));

    public static string BlobName(string projectId, string path) => $"{projectId}/{path}";

    /// <summary>The asset's blob, for readers that take their own ranges (ingestion's content reader).</summary>
    public BlobClient Blob(string projectId, string path) => _container.Client.GetBlobClient(BlobName(projectId, path));

    /// <summary>
    /// The bytes, or <paramref name="range"/> of them, as the response's network stream (resumed from where it broke
    /// if the connection drops, pinned to the first response's ETag); null when the blob does not exist.
    /// <see cref="BlobDownloadDetails.ContentLength"/> is the length of what the stream yields. Dispose the result.
    /// </summary>
    public async Task<BlobDownloadStreamingResult?> OpenAsync(string projectId, string path, HttpRange range, CancellationToken cancellationToken)
    {
        try
        {
            return (await Blob(projectId, path).DownloadStreamingAsync(new BlobDownloadOptions { Range = range }, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the blob; true when there was one.</summary>
    public async Task<bool> DeleteAsync(string projectId, string path, CancellationToken cancellationToken) =>
        (await Blob(projectId, path).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;

    /// <summary>A create-only URL for the asset's blob (<see cref="BlobUrlSigner.CreateUploadUrlAsync"/>); creates the container on first use.</summary>
    public async Task<Uri> CreateUploadUrlAsync(string projectId, string path, TimeSpan validFor, CancellationToken cancellationToken)
    {
        await _container.ReadyAsync(cancellationToken).ConfigureAwait(false);
        return await urls.CreateUploadUrlAsync(StorageNames.BlobContainers.Assets, BlobName(projectId, path), validFor, cancellationToken).ConfigureAwait(false);
    }
}
