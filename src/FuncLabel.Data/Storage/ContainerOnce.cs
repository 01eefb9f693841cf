using Azure.Storage.Blobs;

namespace FuncLabel.Data.Storage;

/// <summary>
/// A blob container the app writes into, created on first use: Bicep creates it in Azure, but a fresh Azurite has none.
/// After one successful create-if-not-exists the client is handed out without a request. Thread-safe: concurrent first
/// users may each send the (idempotent) create.
/// </summary>
internal sealed class ContainerOnce(BlobContainerClient container)
{
    private int _ready;

    public BlobContainerClient Client => container;

    public async ValueTask<BlobContainerClient> ReadyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ready) == 0)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _ready, 1);
        }

        return container;
    }
}
