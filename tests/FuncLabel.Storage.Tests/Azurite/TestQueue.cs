using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.Azurite;

/// <summary>A queue with a unique name, created for one test and deleted after it.</summary>
internal sealed class TestQueue : IAsyncDisposable
{
    private TestQueue(QueueClient client) => Client = client;

    public QueueClient Client { get; }

    public static async Task<TestQueue> CreateAsync(QueueServiceClient? service = null)
    {
        var client = (service ?? AzuriteAccount.QueueService).GetQueueClient(UniqueName.For("test"));
        await client.CreateIfNotExistsAsync();
        return new TestQueue(client);
    }

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
