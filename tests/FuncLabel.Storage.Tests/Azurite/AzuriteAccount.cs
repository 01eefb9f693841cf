using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.Azurite;

/// <summary>Singleton clients for the Azurite started by scripts/test.sh (FUNCLABEL_STORAGE), as the app holds them.</summary>
internal static class AzuriteAccount
{
    private static readonly Lazy<BlobServiceClient> Blobs = new(() => new BlobServiceClient(Emulators.StorageConnectionString));
    private static readonly Lazy<QueueServiceClient> Queues = new(() => new QueueServiceClient(Emulators.StorageConnectionString));

    public static BlobServiceClient BlobService => Blobs.Value;

    public static QueueServiceClient QueueService => Queues.Value;
}
