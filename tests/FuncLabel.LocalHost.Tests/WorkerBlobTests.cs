using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Event Grid blob triggers: the blob webhook (validation handshake; BlobCreated events accepted with 202 onto the blob
/// trigger's internal queue, whose listener invokes the worker, which reads the blob itself; failures retried, then
/// poisoned) and the blob watcher delivering to it end to end.
/// </summary>
public sealed class WorkerBlobTests
{
    [Fact]
    public async Task Webhook_SubscriptionValidation_AnswersTheCode()
    {
        using var app = WorkerTestApp.Create("Asset");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        using var request = Post("Host.Functions.Asset", new JsonArray(new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["eventType"] = "Microsoft.EventGrid.SubscriptionValidationEvent",
            ["subject"] = "",
            ["data"] = new JsonObject { ["validationCode"] = "512d38b6-c7b8-40c8-89fe-f46f9e9622b6" },
        }));
        request.Headers.Add("aeg-event-type", "SubscriptionValidation");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["validationResponse"]!.GetValue<string>());
        Assert.Empty(app.Records.Read("Asset", "succeeded"));
    }

    [Fact]
    public async Task Webhook_BlobCreated_InvokesWithTheBlobReadByTheWorker()
    {
        using var app = WorkerTestApp.Create("Asset");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var containerName = app.Settings["AssetContainer"];
        var content = RandomNumberGenerator.GetBytes(300_000);
        var blob = await UploadAsync(containerName, "p1/images/cat.png", content);

        using var response = await client.SendAsync(Post("Host.Functions.Asset", new JsonArray(Created(containerName, "p1/images/cat.png"))));
        var records = await app.Records.WaitForAsync("Asset", "succeeded", r => r.Count >= 1);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var record = Assert.Single(records);
        Assert.Equal("p1/images/cat.png", record["name"]!.GetValue<string>());
        Assert.Equal("p1/images/cat.png", record["blobName"]!.GetValue<string>());
        Assert.Equal(containerName, record["container"]!.GetValue<string>());
        Assert.Equal(content.Length, record["length"]!.GetValue<long>());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(content)), record["sha256"]!.GetValue<string>());
        var metadata = record["metadata"]!;
        Assert.Equal($"{containerName}/p1/images/cat.png", metadata["BlobTrigger"]!.GetValue<string>());
        Assert.Equal(blob.Uri.AbsoluteUri, metadata["Uri"]!.GetValue<string>());
        Assert.Equal("p1/images/cat.png", metadata["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Webhook_StreamBinding_PathParameterWithoutTheSuffix()
    {
        using var app = WorkerTestApp.Create("Prelabel");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var containerName = app.Settings["PrelabelContainer"];
        await UploadAsync(containerName, "p1/batch.ndjson", Encoding.UTF8.GetBytes("{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n"));
        await UploadAsync(containerName, "p1/notes.txt", Encoding.UTF8.GetBytes("not for the trigger"));

        using var response = await client.SendAsync(Post("Host.Functions.Prelabel", new JsonArray(Created(containerName, "p1/batch.ndjson"), Created(containerName, "p1/notes.txt"))));
        await app.Records.WaitForAsync("Prelabel", "succeeded", r => r.Count >= 1);
        await Task.Delay(1000); // time enough for a second invocation, which must not come

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var record = Assert.Single(app.Records.Read("Prelabel", "succeeded"));
        Assert.Equal("p1/batch", record["name"]!.GetValue<string>());
        Assert.Equal(3, record["lines"]!.GetValue<int>());
    }

    [Fact]
    public async Task Webhook_FailedInvocation_AcceptedAtOnce_RetriedFromTheQueue_ThenPoisoned()
    {
        using var app = WorkerTestApp.Create("Asset");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var containerName = app.Settings["AssetContainer"];
        var blobName = $"fail-{Guid.NewGuid():N}.png";
        await UploadAsync(containerName, blobName, [1, 2, 3]);

        using var response = await client.SendAsync(Post("Host.Functions.Asset", new JsonArray(Created(containerName, blobName))));
        var poisoned = await WaitForPoisonAsync(blobName);
        await Task.Delay(500);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(5, app.Records.Read("Asset", "failed").Count); // the blob extension's default poisonBlobThreshold
        Assert.Equal("Host.Functions.Asset", poisoned["FunctionId"]!.GetValue<string>());
        Assert.Equal(containerName, poisoned["ContainerName"]!.GetValue<string>());
        Assert.Empty(app.Records.Read("Asset", "succeeded"));
    }

    [Fact]
    public async Task Webhook_UnknownFunctionOrOtherEvents_NoInvocation()
    {
        using var app = WorkerTestApp.Create("Asset");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var containerName = app.Settings["AssetContainer"];
        await UploadAsync(containerName, "a.png", [1]);
        var deleted = Created(containerName, "a.png");
        deleted["eventType"] = "Microsoft.Storage.BlobDeleted";

        using var unknown = await client.SendAsync(Post("Host.Functions.Nope", new JsonArray(Created(containerName, "a.png"))));
        using var otherContainer = await client.SendAsync(Post("Host.Functions.Asset", new JsonArray(Created("elsewhere", "a.png"), deleted)));
        var noUrl = Created(containerName, "a.png");
        noUrl["data"]!.AsObject().Remove("url");
        using var withoutUrl = await client.SendAsync(Post("Host.Functions.Asset", new JsonArray(Created(containerName, "a.png"), noUrl)));

        await Task.Delay(1000); // time enough for an invocation, which must not come

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, otherContainer.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, withoutUrl.StatusCode); // nothing of that post is queued, the good event included
        Assert.Contains("[1].data.url", await withoutUrl.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty(app.Records.Read("Asset", "succeeded"));
        Assert.Empty(app.Records.Read("Asset", "failed"));
    }

    [Fact]
    public async Task Watcher_UploadOverwriteAndRescan_OneInvocationPerETag()
    {
        using var app = WorkerTestApp.Create("Asset");
        var containerName = app.Settings["AssetContainer"];
        await WorkerTestApp.Container(containerName).CreateIfNotExistsAsync();
        var watcher = new JsonObject
        {
            ["pollingInterval"] = "00:00:00.200",
            ["subscriptions"] = new JsonArray(new JsonObject { ["name"] = "assets-created", ["container"] = containerName, ["function"] = "Asset" }),
        };
        await using var host = await app.StartHostAsync(watcher: watcher.ToJsonString());

        await UploadAsync(containerName, "p1/dog.png", Encoding.UTF8.GetBytes("first version"));
        await app.Records.WaitForAsync("Asset", "succeeded", r => r.Count == 1);
        await Task.Delay(1500); // several more scans: the same ETag is not delivered again
        Assert.Single(app.Records.Read("Asset", "succeeded"));

        await UploadAsync(containerName, "p1/dog.png", Encoding.UTF8.GetBytes("second, longer version"));
        var records = await app.Records.WaitForAsync("Asset", "succeeded", r => r.Count == 2);
        await Task.Delay(1000);

        Assert.Equal(2, app.Records.Read("Asset", "succeeded").Count);
        Assert.Equal([13L, 22L], records.Select(r => r["length"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Watcher_FailingFunction_RetriedFromTheQueueOnly_NotAnnouncedAgain()
    {
        using var app = WorkerTestApp.Create("Asset");
        var containerName = app.Settings["AssetContainer"];
        await WorkerTestApp.Container(containerName).CreateIfNotExistsAsync();
        var watcher = new JsonObject
        {
            ["pollingInterval"] = "00:00:00.200",
            ["subscriptions"] = new JsonArray(new JsonObject { ["name"] = "assets-created", ["container"] = containerName, ["function"] = "Asset" }),
        };
        await using var host = await app.StartHostAsync(watcher: watcher.ToJsonString());

        var blobName = $"fail-{Guid.NewGuid():N}.png";
        await UploadAsync(containerName, blobName, [9, 9]);
        await WaitForPoisonAsync(blobName);
        await Task.Delay(1500); // several more scans: the accepted event is not announced again

        // The webhook accepted the event (the receipt is written), so the retries are the queue's: five, then poison.
        Assert.Equal(5, app.Records.Read("Asset", "failed").Count);
        var receipts = new List<string>();
        await foreach (var receipt in WorkerTestApp.Container("azure-webjobs-hosts").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"blobwatcher/{app.HostId}/", CancellationToken.None))
        {
            receipts.Add(receipt.Name);
        }

        Assert.Single(receipts);
        Assert.Contains(app.Logs.All, l => l.Message.StartsWith("Executing 'Functions.Asset' (Reason='New blob detected(EventGrid)", StringComparison.Ordinal));
    }

    /// <summary>The poisoned blob-trigger message for <paramref name="blobName"/>, peeked (other tests share the poison queue).</summary>
    private static async Task<JsonNode> WaitForPoisonAsync(string blobName)
    {
        var poison = WorkerTestApp.Queue(LocalHost.Blobs.BlobTriggerQueue.PoisonQueueName);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                foreach (var message in (await poison.PeekMessagesAsync(32)).Value)
                {
                    if (JsonNode.Parse(message.Body.ToString()) is { } json && json["BlobName"]?.GetValue<string>() == blobName)
                    {
                        return json;
                    }
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet.
            }

            await Task.Delay(200);
        }

        Assert.Fail($"No poisoned blob-trigger message for {blobName}.");
        return null!;
    }

    private static HttpRequestMessage Post(string functionName, JsonArray events) =>
        new(HttpMethod.Post, $"runtime/webhooks/blobs?functionName={functionName}&code=local")
        {
            Content = JsonContent.Create(events),
        };

    private static JsonObject Created(string container, string blobName) => new()
    {
        ["id"] = Guid.NewGuid().ToString(),
        ["topic"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
        ["subject"] = $"/blobServices/default/containers/{container}/blobs/{blobName}",
        ["eventType"] = "Microsoft.Storage.BlobCreated",
        ["eventTime"] = DateTimeOffset.UtcNow.ToString("O"),
        ["data"] = new JsonObject { ["api"] = "PutBlob", ["blobType"] = "BlockBlob", ["url"] = WorkerTestApp.Container(container).GetBlobClient(blobName).Uri.AbsoluteUri },
        ["dataVersion"] = "",
        ["metadataVersion"] = "1",
    };

    private static async Task<Azure.Storage.Blobs.BlobClient> UploadAsync(string container, string name, byte[] content)
    {
        var client = WorkerTestApp.Container(container);
        await client.CreateIfNotExistsAsync();
        var blob = client.GetBlobClient(name);
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return blob;
    }
}
