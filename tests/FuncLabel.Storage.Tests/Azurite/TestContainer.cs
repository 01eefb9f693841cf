using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.Azurite;

/// <summary>A container with a unique name, created for one test and deleted after it.</summary>
internal sealed class TestContainer : IAsyncDisposable
{
    private TestContainer(BlobContainerClient client) => Client = client;

    public BlobContainerClient Client { get; }

    public static async Task<TestContainer> CreateAsync(BlobServiceClient? service = null)
    {
        var client = (service ?? AzuriteAccount.BlobService).GetBlobContainerClient(UniqueName.For("test"));
        await client.CreateIfNotExistsAsync();
        return new TestContainer(client);
    }

    public BlobClient Blob(string name) => Client.GetBlobClient(name);

    public async ValueTask DisposeAsync() => await Client.DeleteIfExistsAsync();
}
