using Azure.Storage.Blobs;
using FuncLabel.Data;
using FuncLabel.Functions.Ingestion;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Blob trigger (Event Grid source) on <c>assets</c>: each uploaded blob is registered by <see cref="AssetIngestion"/>,
/// which reads it through the bound <see cref="BlobClient"/> (header by range, SHA-256 while streaming). Deliveries are
/// at least once; ingestion is idempotent per blob and ETag.
/// </summary>
internal sealed class AssetUploadedFunction(AssetIngestion ingestion, ILogger<AssetUploadedFunction> logger)
{
    public const string Name = "assetUploaded";

    [Function(Name)]
    public async Task Run(
        [BlobTrigger(StorageNames.BlobContainers.Assets + "/{name}", Source = BlobTriggerSource.EventGrid, Connection = StorageNames.Connection)] BlobClient blob,
        CancellationToken cancellationToken)
    {
        if (await BlobCreatedEvent.OfAsync(blob, cancellationToken) is not { } upload)
        {
            logger.LogInformation("{Blob} no longer exists", blob.Name);
            return;
        }

        logger.LogInformation("{Outcome}", await ingestion.IngestAsync(upload, blob, cancellationToken));
    }
}
