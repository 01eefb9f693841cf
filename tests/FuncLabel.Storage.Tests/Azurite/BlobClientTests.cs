using System.Text;
using Azure;
using FuncLabel.Storage.Models;
using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.Azurite;

public sealed class BlobClientTests
{
    [Fact]
    public async Task CreateIfNotExistsAsync_Twice_ReportsCreatedThenExisting()
    {
        var container = AzuriteAccount.BlobService.GetBlobContainerClient(UniqueName.For("create"));
        try
        {
            Assert.True((await container.CreateIfNotExistsAsync()).Value);
            Assert.False((await container.CreateIfNotExistsAsync()).Value);
        }
        finally
        {
            Assert.True((await container.DeleteIfExistsAsync()).Value);
        }

        Assert.False((await container.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task UploadAsync_Small_RoundTripsContentTypeMetadataAndBytes()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("note.json");
        var metadata = new Dictionary<string, string> { ["owner"] = "alice", ["project"] = "p1" };

        var uploaded = await blob.UploadAsync(BinaryData.FromString("{\"a\":1}"),
            new BlobUploadOptions { ContentType = "application/json", Metadata = metadata });
        var downloaded = await blob.DownloadContentAsync();
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.Equal("{\"a\":1}", downloaded.Value.Content.ToString());
        Assert.Equal(uploaded.Value.ETag, properties.ETag);
        Assert.Equal(uploaded.Value.LastModified, properties.LastModified);
        Assert.Equal(7, properties.ContentLength);
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("alice", properties.Metadata["owner"]);
        Assert.Equal("p1", properties.Metadata["project"]);
        Assert.NotNull(properties.CreatedOn);
        Assert.Equal(properties.ETag, downloaded.Value.Details.ETag);
    }

    [Theory]
    [InlineData("photo one.txt")]
    [InlineData("in/2024/nested/deeper/file.txt")]
    [InlineData("données/été 2024/ünïcødé – 日本語 😀.txt")]
    [InlineData("odd chars/a+b=c&d#e%f?g'h(1)!.txt")]
    public async Task UploadAsync_UnusualNames_ReadableAndListedUnderTheSameName(string name)
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob(name);

        await blob.UploadAsync(BinaryData.FromString(name));
        var content = (await blob.DownloadContentAsync()).Value.Content.ToString();
        var listed = new List<string>();
        await foreach (var item in test.Client.GetBlobsAsync())
        {
            listed.Add(item.Name);
        }

        Assert.Equal(name, content);
        Assert.Equal([name], listed);
    }

    [Fact]
    public async Task UploadAsync_CreateOnlyOverExisting_Throws409AndKeepsTheOriginal()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("once.txt");
        await blob.UploadAsync(BinaryData.FromString("first"), new BlobUploadOptions { CreateOnly = true });

        var error = await Assert.ThrowsAsync<RequestFailedException>(
            () => blob.UploadAsync(BinaryData.FromString("second"), new BlobUploadOptions { CreateOnly = true }));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_WithoutCreateOnly_Overwrites()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("twice.txt");
        var first = await blob.UploadAsync(BinaryData.FromString("first"));

        var second = await blob.UploadAsync(BinaryData.FromString("second"));

        Assert.NotEqual(first.Value.ETag, second.Value.ETag);
        Assert.Equal("second", (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task UploadAsync_LongerThanOneBlock_CommitsBlocksInOrderWithProperties()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("blocks.bin");
        var bytes = new byte[(3 * 64 * 1024) + 1234];
        new Random(42).NextBytes(bytes);

        await blob.UploadAsync(new MemoryStream(bytes), new BlobUploadOptions
        {
            BlockSize = 64 * 1024, ContentType = "application/x-test", CreateOnly = true,
            Metadata = new Dictionary<string, string> { ["kind"] = "blocks" },
        });
        var downloaded = (await blob.DownloadContentAsync()).Value;

        Assert.Equal(bytes, downloaded.Content.ToArray());
        Assert.Equal("application/x-test", downloaded.Details.ContentType);
        Assert.Equal("blocks", downloaded.Details.Metadata["kind"]);
        var again = await Assert.ThrowsAsync<RequestFailedException>(() => blob.UploadAsync(
            new MemoryStream(bytes), new BlobUploadOptions { BlockSize = 64 * 1024, CreateOnly = true }));
        Assert.Equal("BlobAlreadyExists", again.ErrorCode);
    }

    [Fact]
    public async Task DownloadContentAsync_Range_ReturnsOnlyThoseBytesAndTheWholeLength()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("digits.txt");
        await blob.UploadAsync(BinaryData.FromString("0123456789abcdefghij"));

        var middle = (await blob.DownloadContentAsync(new HttpRange(5, 4))).Value;
        var tail = (await blob.DownloadContentAsync(new HttpRange(16))).Value;

        Assert.Equal("5678", middle.Content.ToString());
        Assert.Equal(20, middle.Details.ContentLength);
        Assert.Equal("ghij", tail.Content.ToString());
    }

    [Fact]
    public async Task DownloadStreamingAsync_Range_StreamsThatRange()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("stream.txt");
        await blob.UploadAsync(BinaryData.FromString("0123456789abcdefghij"));

        await using var download = (await blob.DownloadStreamingAsync(new HttpRange(10, 6))).Value;
        using var reader = new StreamReader(download.Content, Encoding.UTF8);

        Assert.Equal("abcdef", await reader.ReadToEndAsync());
        Assert.Equal(6, download.ContentLength);
        Assert.Equal(20, download.Details.ContentLength);
    }

    [Fact]
    public async Task DownloadStreamingAsync_Missing_Throws404WithCode()
    {
        await using var test = await TestContainer.CreateAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => test.Blob("absent").DownloadStreamingAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task GetPropertiesAsync_Missing_ReadsErrorCodeFromHeaderOfBodilessHead()
    {
        await using var test = await TestContainer.CreateAsync();

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => test.Blob("absent.txt").GetPropertiesAsync());

        Assert.Equal(404, error.Status);
        Assert.Equal("BlobNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task SetMetadataAsync_Existing_ReplacesMetadataAndChangesETag()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("meta.txt");
        var uploaded = await blob.UploadAsync(BinaryData.FromString("x"),
            new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["old"] = "1" } });

        var updated = await blob.SetMetadataAsync(new Dictionary<string, string> { ["state"] = "processed" });
        var properties = (await blob.GetPropertiesAsync()).Value;

        Assert.NotEqual(uploaded.Value.ETag, updated.Value.ETag);
        Assert.Equal(updated.Value.ETag, properties.ETag);
        Assert.Equal("processed", properties.Metadata["state"]);
        Assert.False(properties.Metadata.ContainsKey("old"));
    }

    [Fact]
    public async Task DeleteAsync_Existing_RemovesItThenMissingThrows404()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("gone.txt");
        await blob.UploadAsync(BinaryData.FromString("x"));

        await blob.DeleteAsync();

        var getError = await Assert.ThrowsAsync<RequestFailedException>(() => blob.GetPropertiesAsync());
        var deleteError = await Assert.ThrowsAsync<RequestFailedException>(() => blob.DeleteAsync());
        Assert.Equal(404, getError.Status);
        Assert.Equal("BlobNotFound", deleteError.ErrorCode);
    }

    [Fact]
    public async Task AnyOperation_WrongAccountKey_Throws403WithErrorCode()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = Emulators.StorageConnectionString.Replace(
            StorageConnectionString.DevelopmentAccountKey, wrongKey, StringComparison.Ordinal);
        var service = new BlobServiceClient(connection);
        var queues = new QueueServiceClient(connection);

        var blobError = await Assert.ThrowsAsync<RequestFailedException>(
            () => service.GetBlobContainerClient(UniqueName.For("denied")).CreateIfNotExistsAsync());
        var headError = await Assert.ThrowsAsync<RequestFailedException>(
            () => service.GetBlobContainerClient("any").GetBlobClient("any").GetPropertiesAsync());
        var queueError = await Assert.ThrowsAsync<RequestFailedException>(
            () => queues.GetQueueClient(UniqueName.For("denied")).CreateIfNotExistsAsync());

        // Azurite's Blob service answers AuthorizationFailure where its Queue service (and Azure) say AuthenticationFailed.
        Assert.Equal(403, blobError.Status);
        Assert.Equal("AuthorizationFailure", blobError.ErrorCode);
        Assert.Equal(403, headError.Status);
        Assert.Equal("AuthorizationFailure", headError.ErrorCode);
        Assert.Equal(403, queueError.Status);
        Assert.Equal("AuthenticationFailed", queueError.ErrorCode);
    }

    [Fact]
    public async Task ProbeAsync_ValidKey_Answers200()
    {
        Assert.Equal(200, (await AzuriteAccount.BlobService.ProbeAsync()).Status);
        Assert.Equal(200, (await AzuriteAccount.QueueService.ProbeAsync()).Status);
    }
}
