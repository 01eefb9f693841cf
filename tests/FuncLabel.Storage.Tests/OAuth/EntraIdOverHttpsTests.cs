using System.Net;
using Azure;
using FuncLabel.Storage.Models;
using FuncLabel.Storage.Sas;
using FuncLabel.Testing;

namespace FuncLabel.Storage.Tests.OAuth;

/// <summary>
/// Bearer-token access and user-delegation SAS end to end, against an Azurite started with <c>--oauth basic</c> over HTTPS.
/// </summary>
public sealed class EntraIdOverHttpsTests(HttpsAzurite azurite) : IClassFixture<HttpsAzurite>
{
    private const string ObjectId = "7c2f1a52-9a43-4cde-b3a1-0f1e2d3c4b5a";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Fact]
    public async Task BlobOperations_BearerToken_CreateUploadAndRead()
    {
        var service = new BlobServiceClient(azurite.BlobEndpoint, Credential(), azurite.ClientOptions());
        var container = service.GetBlobContainerClient(UniqueName.For("oauth"));

        Assert.True((await container.CreateIfNotExistsAsync()).Value);
        await container.GetBlobClient("in/a b.txt").UploadAsync(BinaryData.FromString("via bearer"));
        var content = (await container.GetBlobClient("in/a b.txt").DownloadContentAsync()).Value.Content.ToString();

        Assert.Equal("via bearer", content);
        Assert.False(service.CanSignWithAccountKey);
        Assert.Equal(200, (await service.ProbeAsync()).Status);
    }

    [Fact]
    public async Task QueueOperations_BearerToken_SendAndReceive()
    {
        var queues = new QueueServiceClient(azurite.QueueEndpoint, Credential(), azurite.ClientOptions());
        var queue = queues.GetQueueClient(UniqueName.For("oauth"));
        await queue.CreateIfNotExistsAsync();

        await queue.SendMessageAsync("{\"via\":\"bearer\"}");
        var received = Assert.Single((await queue.ReceiveMessagesAsync()).Value);

        Assert.Equal("{\"via\":\"bearer\"}", received.Body.ToString());
        await queue.DeleteMessageAsync(received.MessageId, received.PopReceipt);
    }

    [Fact]
    public async Task AnyOperation_TokenForAnotherAudience_IsRefusedWithErrorCode()
    {
        var credential = new UnsignedJwtCredential(TimeProvider.System, ObjectId, TenantId, audience: "https://vault.azure.net");
        var service = new BlobServiceClient(azurite.BlobEndpoint, credential, azurite.ClientOptions());

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.ProbeAsync());

        Assert.Equal(403, error.Status);
        Assert.Equal("AuthenticationFailed", error.ErrorCode);
        Assert.Contains("Invalid token audience", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetUserDelegationKeyAsync_BearerToken_ReturnsKeyForTheTokensPrincipal()
    {
        var service = new BlobServiceClient(azurite.BlobEndpoint, Credential(), azurite.ClientOptions());
        var start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);

        var key = (await service.GetUserDelegationKeyAsync(start, start.AddHours(6))).Value;

        Assert.Equal(ObjectId, key.SignedObjectId);
        Assert.Equal(TenantId, key.SignedTenantId);
        Assert.Equal(start, key.SignedStartsOn);
        Assert.Equal(start.AddHours(6), key.SignedExpiresOn);
        Assert.Equal("b", key.SignedService);
        Assert.Equal(32, Convert.FromBase64String(key.Value).Length);
    }

    [Fact]
    public async Task SasUrlFactory_NoAccountKey_SignsUserDelegationSasThatReadsOnlyThatBlob()
    {
        var service = new BlobServiceClient(azurite.BlobEndpoint, Credential(), azurite.ClientOptions());
        var container = service.GetBlobContainerClient(UniqueName.For("udk"));
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("reports/été 2024.json").UploadAsync(BinaryData.FromString("{\"ok\":true}"));
        await container.GetBlobClient("reports/other.json").UploadAsync(BinaryData.FromString("{}"));
        var factory = new SasUrlFactory(service, TimeProvider.System);
        using var browser = new HttpClient(azurite.TrustingHandler());

        var url = await factory.CreateReadUrlAsync(container.Name, "reports/été 2024.json", TimeSpan.FromMinutes(15));
        using var read = await browser.GetAsync(url);
        using var otherBlob = await browser.GetAsync(new Uri(url.AbsoluteUri.Replace("%C3%A9t%C3%A9%202024", "other", StringComparison.Ordinal)));

        Assert.Contains("skoid=" + ObjectId, url.Query, StringComparison.Ordinal);
        Assert.Contains("spr=https", url.Query, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("{\"ok\":true}", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, otherBlob.StatusCode);
    }

    [Fact]
    public async Task SasUrlFactory_NoAccountKey_UploadUrlCreatesButCannotRead()
    {
        var service = new BlobServiceClient(azurite.BlobEndpoint, Credential(), azurite.ClientOptions());
        var container = service.GetBlobContainerClient(UniqueName.For("udk"));
        await container.CreateIfNotExistsAsync();
        var factory = new SasUrlFactory(service, TimeProvider.System);
        using var browser = new HttpClient(azurite.TrustingHandler());

        var url = await factory.CreateUploadUrlAsync(container.Name, "assets/new.png", TimeSpan.FromMinutes(15));
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent([1, 2, 3]) };
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var created = await browser.SendAsync(put);
        using var read = await browser.GetAsync(url);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(3, (await container.GetBlobClient("assets/new.png").GetPropertiesAsync()).Value.ContentLength);
    }

    [Fact]
    public async Task DefaultTransport_SelfSignedCertificate_IsNotTrusted()
    {
        var service = new BlobServiceClient(azurite.BlobEndpoint, Credential(), new StorageClientOptions { Retry = { MaxRetries = 0 } });

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.ProbeAsync());

        Assert.Equal(0, error.Status);
        Assert.Contains("SSL", error.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    private static UnsignedJwtCredential Credential() => new(TimeProvider.System, ObjectId, TenantId);
}
