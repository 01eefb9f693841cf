using System.Net;
using System.Text;
using System.Web;
using Azure.Core;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Hosting;
using FuncLabel.Testing;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Storage.OAuth;

/// <summary>
/// The app's storage registration in its Entra ID form — <c>AzureWebJobsStorage__blobServiceUri</c> and
/// <c>__queueServiceUri</c>, no key — with the clients' shared credential replaced by a token credential, against an
/// Azurite started with <c>--oauth basic</c> over HTTPS: bearer-token requests, user-delegation SAS URLs, health probes.
/// </summary>
public sealed class EntraIdRegistrationTests(HttpsAzurite azurite) : IClassFixture<HttpsAzurite>
{
    private const string ObjectId = "7c2f1a52-9a43-4cde-b3a1-0f1e2d3c4b5a";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";

    [Fact]
    public async Task Registration_EndpointsAndTokenCredential_BlobAndQueueOverBearer()
    {
        await using var app = Register(Credential());
        var exports = app.GetRequiredService<ExportFileStore>();
        var queueName = UniqueName.For("oauth");

        var file = await exports.WriteAsync("p-oauth", "job été", "e 1", "consensus.ndjson", BinaryData.FromString("{\"via\":\"bearer\"}\n"), "application/x-ndjson", CancellationToken.None);
        var written = (await app.GetRequiredService<BlobServiceClient>().GetBlobContainerClient("exports").GetBlobClient(file).DownloadContentAsync()).Value;
        await app.GetRequiredService<QueueServiceClient>().SendCreatingQueueAsync(queueName, "{\"via\":\"bearer\"}", CancellationToken.None);
        var wire = new QueueServiceClient(azurite.QueueEndpoint, Credential(), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None, Transport = azurite.Transport() });
        var received = Assert.Single((await wire.GetQueueClient(queueName).ReceiveMessagesAsync(32)).Value);
        var probes = await Task.WhenAll(app.GetServices<IHealthProbe>().Select(p => p.ProbeAsync(CancellationToken.None)));

        Assert.Equal("p-oauth/job été/e 1/consensus.ndjson", file);
        Assert.Equal("{\"via\":\"bearer\"}\n", written.Content.ToString());
        Assert.Equal("application/x-ndjson", written.Details.ContentType);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"via\":\"bearer\"}")), received.MessageText);
        Assert.Equal(2, probes.Length);
        Assert.All(probes, p => Assert.True(p.Healthy, p.Error));
    }

    [Fact]
    public async Task AssetUploadUrl_UnderEntraId_IsUserDelegationSasThatOnlyCreatesThatBlob()
    {
        await using var app = Register(Credential());
        var project = UniqueName.For("p")[..20];
        using var browser = new HttpClient(azurite.TrustingHandler());

        var url = await app.GetRequiredService<AssetContentStore>().CreateUploadUrlAsync(project, "in/été 2024/a b.png", TimeSpan.FromMinutes(15), CancellationToken.None);
        using var created = await browser.SendAsync(Put(url, [1, 2, 3]));
        using var read = await browser.GetAsync(url);
        using var overwrite = await browser.SendAsync(Put(url, [4]));
        using var sibling = await browser.SendAsync(Put(new UriBuilder(url) { Path = url.AbsolutePath.Replace("a%20b.png", "other.png", StringComparison.Ordinal) }.Uri, [5]));

        var query = HttpUtility.ParseQueryString(url.Query);
        Assert.Equal(ObjectId, query["skoid"]);
        Assert.Equal(TenantId, query["sktid"]);
        Assert.Equal("c", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sibling.StatusCode);
        var stored = (await app.GetRequiredService<AssetContentStore>().Blob(project, "in/été 2024/a b.png").DownloadContentAsync()).Value;
        Assert.Equal([1, 2, 3], stored.Content.ToArray());
    }

    [Fact]
    public async Task ErrorFileReadUrl_UnderEntraId_ReadsThatFileButCannotWrite()
    {
        await using var app = Register(Credential());
        var files = app.GetRequiredService<ImportFileStore>();
        var project = UniqueName.For("p")[..20];
        using var browser = new HttpClient(azurite.TrustingHandler());
        var name = await files.WriteErrorFileAsync(project, "imp-1", new MemoryStream(Encoding.UTF8.GetBytes("{\"line\":1}\n")), CancellationToken.None);

        var url = await files.CreateErrorFileReadUrlAsync(name, TimeSpan.FromMinutes(15), CancellationToken.None);
        using var read = await browser.GetAsync(url);
        using var write = await browser.SendAsync(Put(url, [1]));

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("{\"line\":1}\n", await read.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }

    [Fact]
    public async Task HealthProbes_TokenForAnotherAudience_ReportTheRefusal()
    {
        await using var app = Register(new UnsignedJwtCredential(TimeProvider.System, ObjectId, TenantId, audience: "https://vault.azure.net"));

        var probes = await Task.WhenAll(app.GetServices<IHealthProbe>().Select(p => p.ProbeAsync(CancellationToken.None)));

        Assert.Equal(2, probes.Length);
        Assert.All(probes, p => Assert.False(p.Healthy));
        Assert.All(probes, p => Assert.Equal("403 AuthenticationFailed", p.Error));
    }

    /// <summary>
    /// The app's registration from Entra ID settings, then the shared credential and transport replaced the way a host
    /// would: <c>AddAzureClients</c> again, with this test's token credential and a transport trusting the test certificate.
    /// </summary>
    private ServiceProvider Register(TokenCredential credential)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage:blobServiceUri"] = azurite.BlobEndpoint.AbsoluteUri,
            ["AzureWebJobsStorage:queueServiceUri"] = azurite.QueueEndpoint.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddFuncLabelStorage(configuration);
        services.AddAzureClients(clients =>
        {
            clients.UseCredential(credential);
            clients.ConfigureDefaults(options => options.Transport = azurite.Transport());
        });
        return services.BuildServiceProvider();
    }

    private static HttpRequestMessage Put(Uri url, byte[] content)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        return request;
    }

    private static UnsignedJwtCredential Credential() => new(TimeProvider.System, ObjectId, TenantId);
}
