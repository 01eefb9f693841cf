using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// "This subscription already announced this blob at this ETag": an empty blob at
/// <c>azure-webjobs-hosts/blobwatcher/{hostId}/{subscription}/{eTag}/{container}/{blobName}</c>, the watcher's version
/// of the blob trigger's receipts (docs/local-host.md, Blob receipts — ETag before the name, so one blob's receipts never
/// collide). Receipts live in storage, so a restarted host does not announce a blob again; a new ETag (an overwrite)
/// has no receipt yet, so it is announced once more. Delete a receipt to have its blob announced again.
/// </summary>
internal sealed class BlobReceipts(BlobServiceClient blobs, string hostId)
{
    public const string Container = "azure-webjobs-hosts";

    public static string BlobName(string hostId, string subscription, string eTag, string container, string blobName) =>
        $"blobwatcher/{hostId}/{subscription}/{eTag}/{container}/{blobName}";

    public Task EnsureContainerAsync(CancellationToken cancellationToken) =>
        blobs.GetBlobContainerClient(Container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task<bool> ExistsAsync(string subscription, string eTag, string container, string blobName, CancellationToken cancellationToken) =>
        (await Receipt(subscription, eTag, container, blobName).ExistsAsync(cancellationToken)).Value;

    public Task WriteAsync(string subscription, string eTag, string container, string blobName, CancellationToken cancellationToken) =>
        Receipt(subscription, eTag, container, blobName).UploadAsync(BinaryData.Empty, overwrite: true, cancellationToken);

    /// <summary>Deletes every receipt of this host id, so every watched blob is announced again; returns how many there were.</summary>
    public async Task<int> ForgetAllAsync(CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(Container);
        var deleted = 0;
        try
        {
            await foreach (var receipt in container.GetBlobsAsync(new GetBlobsOptions { Prefix = $"blobwatcher/{hostId}/" }, cancellationToken))
            {
                await container.GetBlobClient(receipt.Name).DeleteAsync(cancellationToken: cancellationToken);
                deleted++;
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No receipts container (or a receipt deleted meanwhile): nothing more to forget.
        }

        return deleted;
    }

    private BlobClient Receipt(string subscription, string eTag, string container, string blobName) =>
        blobs.GetBlobContainerClient(Container).GetBlobClient(BlobName(hostId, subscription, eTag, container, blobName));
}
