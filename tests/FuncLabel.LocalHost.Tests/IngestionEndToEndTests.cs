using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Issue 9 through the real path: the built app folder run by the local host executable (HTTP forwarding, blob watcher,
/// queue triggers) against Azurite and the Cosmos DB server — an uploaded PNG becomes an asset, and a pre-label file
/// becomes a finished import with one stored pre-label and one rejected line.
/// </summary>
public sealed class IngestionEndToEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UploadedPngAndPrelabelFile_IngestedThroughLocalHost()
    {
        // Building the app folder (only when FUNCLABEL_APP_DIR is not set) is a dotnet publish: it gets its own bound.
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var signingKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(UniqueName.For("dev-signing-key-").PadRight(40, 'k')));
        // A storage account of its own: another end-to-end host on the same account would take this one's blob events.
        var storage = await IsolatedStorage.ClaimAccountAsync(startTimeout.Token);
        var settings = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "custom",
            ["AzureWebJobsStorage"] = storage,
            ["Cosmos__Endpoint"] = Emulators.CosmosEndpoint,
            ["Cosmos__Key"] = Emulators.CosmosKey,
            ["Cosmos__DatabaseName"] = UniqueName.For("e2e"),
            ["Cosmos__CreateIfMissing"] = "true",
            ["Auth__DevSigningKey"] = signingKey,
        };
        var project = UniqueName.For("p-e2e");
        const string ImportId = "run-1";

        await using var host = await RealAppHost.StartAsync(settings, startTimeout.Token);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(200));
        var ct = timeout.Token;
        using var http = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await host.MintTokenAsync("admin-e2e", admin: true, signingKey, ct));

        var created = await UntilListeningAsync(() => http.PostAsJsonAsync("api/projects", new { id = project, name = "end to end" }, ct), host, ct);
        Assert.True(created.IsSuccessStatusCode, $"POST /api/projects: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
        var ontology = await http.PutAsJsonAsync($"api/projects/{project}/ontology", new { classes = new[] { new { name = "car", tool = "bbox" } } }, ct);
        Assert.True(ontology.IsSuccessStatusCode, $"PUT ontology: {(int)ontology.StatusCode} {await ontology.Content.ReadAsStringAsync(ct)}");

        var blobs = new BlobServiceClient(storage);
        var assets = blobs.GetBlobContainerClient("assets");
        await assets.CreateIfNotExistsAsync(cancellationToken: ct);
        // The uploader's Content-Type is deliberately wrong: the type must come from sniffing the bytes.
        await assets.GetBlobClient($"{project}/img/a.png").UploadAsync(
            BinaryData.FromBytes(Png(64, 48)), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/octet-stream" } }, ct);

        var asset = await PollAsync(
            async () => (await http.GetFromJsonAsync<JsonElement>($"api/projects/{project}/assets", ct)).GetProperty("items")
                .EnumerateArray().Where(a => a.GetProperty("globalKey").GetString() == "img/a.png").Select(a => (JsonElement?)a).FirstOrDefault(),
            host, "the asset img/a.png", ct);
        Assert.Equal("image/png", asset.GetProperty("contentType").GetString());
        Assert.Equal(64, asset.GetProperty("width").GetInt32());
        Assert.Equal(48, asset.GetProperty("height").GetInt32());

        // Uploaded after the asset is registered, so the good line lands on a known asset (to review: no confidence).
        var prelabels = blobs.GetBlobContainerClient("prelabels");
        await prelabels.CreateIfNotExistsAsync(cancellationToken: ct);
        var ndjson =
            """{"uuid":"3f1c2a9e-0000-4000-8000-000000000001","dataRow":{"globalKey":"img/a.png"},"name":"car","bbox":{"top":2,"left":3,"height":10,"width":20}}""" + "\n" +
            """{"uuid":"3f1c2a9e-0000-4000-8000-000000000002","dataRow":{"id":"no-such-asset"},"name":"car","bbox":{"top":2,"left":3,"height":10,"width":20}}""" + "\n";
        await prelabels.GetBlobClient($"{project}/{ImportId}.ndjson").UploadAsync(BinaryData.FromString(ndjson), new BlobUploadOptions(), ct);

        var import = await PollAsync(
            async () =>
            {
                using var response = await http.GetAsync($"api/projects/{project}/imports/{ImportId}", ct);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return null;
                }

                Assert.True(response.IsSuccessStatusCode, $"GET import: {(int)response.StatusCode}");
                var record = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
                return record.GetProperty("state").GetString() == "running" ? null : record;
            },
            host, $"the import {ImportId} to end", ct);
        Assert.Equal("finished", import.GetProperty("state").GetString());
        var counts = import.GetProperty("counts");
        Assert.Equal(2, counts.GetProperty("lines").GetInt64());
        Assert.Equal(1, counts.GetProperty("toReview").GetInt64());
        Assert.Equal(0, counts.GetProperty("accepted").GetInt64());
        Assert.Equal(1, counts.GetProperty("rejected").GetInt64());
        Assert.Equal(0, counts.GetProperty("pending").GetInt64());
        Assert.Equal(0, counts.GetProperty("dropped").GetInt64());
        Assert.Equal(1, counts.GetProperty("reasons").GetProperty("unknown_data_row").GetInt64());

        // Pre-labels before their asset: parked, then applied when the asset arrives; the import's pending count falls
        // to zero (moving the lines to their bands), and a duplicate of the asset's event changes nothing.
        var early =
            """{"uuid":"3f1c2a9e-0000-4000-8000-000000000003","dataRow":{"globalKey":"img/later.png"},"name":"car","bbox":{"top":1,"left":1,"height":5,"width":5},"confidence":0.99}""" + "\n" +
            """{"uuid":"3f1c2a9e-0000-4000-8000-000000000004","dataRow":{"globalKey":"img/later.png"},"name":"car","bbox":{"top":1,"left":9,"height":5,"width":5}}""" + "\n";
        await prelabels.GetBlobClient($"{project}/early.ndjson").UploadAsync(BinaryData.FromString(early), new BlobUploadOptions(), ct);
        var parked = await PollAsync(() => ImportWhenAsync(http, project, "early", i => i.GetProperty("state").GetString() != "running", ct), host, "the import early to end", ct);
        Assert.Equal("finished", parked.GetProperty("state").GetString());
        Assert.Equal(2, parked.GetProperty("counts").GetProperty("pending").GetInt64());

        await assets.GetBlobClient($"{project}/img/later.png").UploadAsync(BinaryData.FromBytes(Png(32, 32)), new BlobUploadOptions(), ct);
        var applied = await PollAsync(() => ImportWhenAsync(http, project, "early", i => i.GetProperty("counts").GetProperty("pending").GetInt64() == 0, ct), host, "the parked lines of early to be applied", ct);
        Assert.Equal(2, applied.GetProperty("pendingApplied").GetInt64());
        Assert.Equal(0, applied.GetProperty("counts").GetProperty("accepted").GetInt64()); // the ontology sets no autoAcceptAt
        Assert.Equal(2, applied.GetProperty("counts").GetProperty("toReview").GetInt64());

        // The same BlobCreated event again (Event Grid delivers at least once), straight onto the queue.
        var later = await assets.GetBlobClient($"{project}/img/later.png").GetPropertiesAsync(cancellationToken: ct);
        var queues = new Azure.Storage.Queues.QueueServiceClient(storage, new Azure.Storage.Queues.QueueClientOptions { MessageEncoding = Azure.Storage.Queues.QueueMessageEncoding.Base64 });
        await queues.GetQueueClient("asset-events").SendMessageAsync(JsonSerializer.Serialize(new
        {
            topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            subject = $"/blobServices/default/containers/assets/blobs/{project}/img/later.png",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = later.Value.LastModified,
            id = "duplicate-" + Guid.NewGuid(),
            data = new { api = "PutBlob", eTag = later.Value.ETag.ToString(), contentType = later.Value.ContentType, contentLength = later.Value.ContentLength, blobType = "BlockBlob" },
            dataVersion = "",
            metadataVersion = "1",
        }), cancellationToken: ct);
        // Consumed when the asset function has logged its third run (img/a.png, img/later.png, the duplicate).
        await PollAsync(
            () => Task.FromResult(host.Output.Split("pending pre-label(s) applied").Length - 1 >= 3 ? (JsonElement?)default(JsonElement) : null),
            host, "the duplicate asset event to be consumed", ct);
        var after = await PollAsync(() => ImportWhenAsync(http, project, "early", _ => true, ct), host, "the import early", ct);
        Assert.Equal(2, after.GetProperty("pendingApplied").GetInt64());
        Assert.Equal(0, after.GetProperty("counts").GetProperty("pending").GetInt64());
        var laterAsset = (await http.GetFromJsonAsync<JsonElement>($"api/projects/{project}/assets", ct)).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("globalKey").GetString() == "img/later.png");
        Assert.Equal(1, laterAsset.GetProperty("version").GetInt32());
    }

    private static async Task<JsonElement?> ImportWhenAsync(HttpClient http, string project, string importId, Func<JsonElement, bool> ready, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/projects/{project}/imports/{importId}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.True(response.IsSuccessStatusCode, $"GET import {importId}: {(int)response.StatusCode}");
        var record = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
        return ready(record) ? record : null;
    }

    /// <summary>Retries a request while the host is not listening yet (connection refused), up to the bound.</summary>
    private static async Task<HttpResponseMessage> UntilListeningAsync(Func<Task<HttpResponseMessage>> send, RealAppHost host, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException("The local host never answered. Its output:\n" + host.Output, e);
            }
        }
    }

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, RealAppHost host, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + Bound;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"Waited {Bound.TotalSeconds} s for {what}. Local host output:\n{host.Output}");
        return default;
    }

    /// <summary>A PNG signature and IHDR chunk: all that sniffing and the dimension reader look at.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8; // bit depth; the CRC is not checked by a header reader
        return bytes;
    }
}
