using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Domain.Tests.Ingestion;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Ingestion through the real path: the app's worker build output (scripts/build-app.sh) run by the local host
/// executable against Azurite and the Cosmos DB server. Files are uploaded as a client does — <c>POST
/// /api/projects/{p}/uploads</c>, then a PUT to the SAS URL it returns — and the blob watcher's BlobCreated events reach
/// the Event Grid blob triggers through the blob webhook: an uploaded PNG becomes an asset, a pre-label file a finished
/// import with one stored pre-label and one rejected line, and the host's log shows the blob-trigger invocations.
/// </summary>
public sealed class IngestionEndToEndTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task UploadedPngAndPrelabelFile_IngestedThroughLocalHost()
    {
        var project = UniqueName.For("p-e2e");
        const string ImportId = "run-1";

        await using var app = await EndToEndApp.StartAsync("e2e", Bound);
        var host = app.Host;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(200));
        var ct = timeout.Token;
        using var http = await app.ClientAsync("admin-e2e", admin: true, ct);

        var created = await app.UntilListeningAsync(() => http.PostAsJsonAsync("api/projects", new { id = project, name = "end to end" }, ct), ct);
        Assert.True(created.IsSuccessStatusCode, $"POST /api/projects: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
        var ontology = await http.PutAsJsonAsync($"api/projects/{project}/ontology", new { classes = new[] { new { name = "car", tool = "bbox" } } }, ct);
        Assert.True(ontology.IsSuccessStatusCode, $"PUT ontology: {(int)ontology.StatusCode} {await ontology.Content.ReadAsStringAsync(ct)}");

        var blobs = new BlobServiceClient(app.Storage);
        var assets = blobs.GetBlobContainerClient("assets");
        // The uploader's Content-Type is deliberately wrong: the type must come from sniffing the bytes.
        await UploadAsync(http, project, new { kind = "asset", path = "img/a.png" }, Generated.Png(64, 48), "application/octet-stream", ct);

        var asset = await app.PollAsync(
            async () => (await http.GetFromJsonAsync<JsonElement>($"api/projects/{project}/assets", ct)).GetProperty("items")
                .EnumerateArray().Where(a => a.GetProperty("globalKey").GetString() == "img/a.png").Select(a => (JsonElement?)a).FirstOrDefault(),
            "the asset img/a.png", ct);
        Assert.Equal("image/png", asset.GetProperty("contentType").GetString());
        Assert.Equal(64, asset.GetProperty("width").GetInt32());
        Assert.Equal(48, asset.GetProperty("height").GetInt32());

        // Uploaded after the asset is registered, so the good line lands on a known asset (to review: no confidence).
        var ndjson =
            """{"uuid":"3f1c2a9e-0000-4000-8000-000000000001","dataRow":{"globalKey":"img/a.png"},"name":"car","bbox":{"top":2,"left":3,"height":10,"width":20}}""" + "\n" +
            """{"uuid":"3f1c2a9e-0000-4000-8000-000000000002","dataRow":{"id":"no-such-asset"},"name":"car","bbox":{"top":2,"left":3,"height":10,"width":20}}""" + "\n";
        await UploadAsync(http, project, new { kind = "prelabels", importId = ImportId }, Encoding.UTF8.GetBytes(ndjson), "application/x-ndjson", ct);

        var import = await app.PollAsync(
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
            $"the import {ImportId} to end", ct);
        Assert.Equal("finished", import.GetProperty("state").GetString());
        Assert.Equal("admin-e2e", import.GetProperty("requestedBy").GetString());
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
        await UploadAsync(http, project, new { kind = "prelabels", importId = "early" }, Encoding.UTF8.GetBytes(early), "application/x-ndjson", ct);
        var parked = await app.PollAsync(() => ImportWhenAsync(http, project, "early", i => i.GetProperty("state").GetString() != "running", ct), "the import early to end", ct);
        Assert.Equal("finished", parked.GetProperty("state").GetString());
        Assert.Equal(2, parked.GetProperty("counts").GetProperty("pending").GetInt64());

        await UploadAsync(http, project, new { kind = "asset", path = "img/later.png" }, Generated.Png(32, 32), "image/png", ct);
        var applied = await app.PollAsync(() => ImportWhenAsync(http, project, "early", i => i.GetProperty("counts").GetProperty("pending").GetInt64() == 0, ct), "the parked lines of early to be applied", ct);
        Assert.Equal(2, applied.GetProperty("pendingApplied").GetInt64());
        Assert.Equal(0, applied.GetProperty("counts").GetProperty("accepted").GetInt64()); // the ontology sets no autoAcceptAt
        Assert.Equal(2, applied.GetProperty("counts").GetProperty("toReview").GetInt64());

        // The same BlobCreated event again (Event Grid delivers at least once), posted to the blob webhook as Event Grid would.
        var laterBlob = assets.GetBlobClient($"{project}/img/later.png");
        var later = await laterBlob.GetPropertiesAsync(cancellationToken: ct);
        using var duplicate = new HttpRequestMessage(HttpMethod.Post, "runtime/webhooks/blobs?functionName=Host.Functions.assetUploaded")
        {
            Content = JsonContent.Create(new[]
            {
                new
                {
                    topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/" + laterBlob.AccountName,
                    subject = $"/blobServices/default/containers/assets/blobs/{project}/img/later.png",
                    eventType = "Microsoft.Storage.BlobCreated",
                    eventTime = later.Value.LastModified,
                    id = "duplicate-" + Guid.NewGuid(),
                    data = new { api = "PutBlob", eTag = later.Value.ETag.ToString(), contentType = later.Value.ContentType, contentLength = later.Value.ContentLength, blobType = "BlockBlob", url = laterBlob.Uri.AbsoluteUri },
                    dataVersion = "",
                    metadataVersion = "1",
                },
            }),
        };
        duplicate.Headers.Add("aeg-event-type", "Notification");
        using (var accepted = await http.SendAsync(duplicate, ct))
        {
            Assert.True(accepted.StatusCode == System.Net.HttpStatusCode.Accepted, $"POST blob webhook: {(int)accepted.StatusCode} {await accepted.Content.ReadAsStringAsync(ct)}");
        }

        // Consumed when the asset function has logged its third run (img/a.png, img/later.png, the duplicate).
        await app.PollAsync(
            () => Task.FromResult(host.Output.Split("pending pre-label(s) applied").Length - 1 >= 3 ? (JsonElement?)default(JsonElement) : null),
            "the duplicate asset event to be consumed", ct);
        var after = await app.PollAsync(() => ImportWhenAsync(http, project, "early", _ => true, ct), "the import early", ct);
        Assert.Equal(2, after.GetProperty("pendingApplied").GetInt64());
        Assert.Equal(0, after.GetProperty("counts").GetProperty("pending").GetInt64());
        var laterAsset = (await http.GetFromJsonAsync<JsonElement>($"api/projects/{project}/assets", ct)).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("globalKey").GetString() == "img/later.png");
        Assert.Equal(1, laterAsset.GetProperty("version").GetInt32());

        // Every file arrived through the Event Grid blob triggers (three assets runs, one per pre-label file).
        var log = host.Lines;
        Assert.True(Count(log, "Executed 'Functions.assetUploaded' (Succeeded") >= 3, "assetUploaded blob-trigger invocations missing:\n" + host.Output);
        Assert.True(Count(log, "Executed 'Functions.prelabelUploaded' (Succeeded") >= 2, "prelabelUploaded blob-trigger invocations missing:\n" + host.Output);
        Assert.Equal(1, Count(log, $"Executing 'Functions.assetUploaded' (Reason='New blob detected(EventGrid): assets/{project}/img/a.png'"));
        Assert.Equal(1, Count(log, $"Executing 'Functions.prelabelUploaded' (Reason='New blob detected(EventGrid): prelabels/{project}/{ImportId}.ndjson'"));
    }

    private static int Count(IReadOnlyList<string> lines, string text) => lines.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Uploads as a client does: asks the app for a create-only SAS URL, then PUTs the bytes to it.</summary>
    private static async Task UploadAsync(HttpClient http, string project, object request, byte[] content, string contentType, CancellationToken cancellationToken)
    {
        using var issued = await http.PostAsJsonAsync($"api/projects/{project}/uploads", request, cancellationToken);
        Assert.True(issued.IsSuccessStatusCode, $"POST uploads: {(int)issued.StatusCode} {await issued.Content.ReadAsStringAsync(cancellationToken)}");
        var url = (await issued.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("url").GetString()!;
        using var put = new HttpRequestMessage(HttpMethod.Put, url) { Content = new ByteArrayContent(content) };
        put.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        put.Headers.Add("x-ms-blob-type", "BlockBlob");
        using var storage = new HttpClient();
        using var uploaded = await storage.SendAsync(put, cancellationToken);
        Assert.True(uploaded.IsSuccessStatusCode, $"PUT to the upload URL: {(int)uploaded.StatusCode} {await uploaded.Content.ReadAsStringAsync(cancellationToken)}");
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

}
