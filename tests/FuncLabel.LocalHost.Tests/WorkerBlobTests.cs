using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Worker mode Event Grid blob triggers: the blob webhook (validation handshake, BlobCreated events → invocations whose
/// blob the worker reads itself) and the blob watcher delivering to it end to end.
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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(app.Records.Read("Asset", "succeeded"));
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

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var record = Assert.Single(app.Records.Read("Prelabel", "succeeded"));
        Assert.Equal("p1/batch", record["name"]!.GetValue<string>());
        Assert.Equal(3, record["lines"]!.GetValue<int>());
    }

    [Fact]
    public async Task Webhook_FailedInvocation_AnswersAnError_SoTheSenderRetries()
    {
        using var app = WorkerTestApp.Create("Asset");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var containerName = app.Settings["AssetContainer"];
        await UploadAsync(containerName, "fail-now.png", [1, 2, 3]);

        using var response = await client.SendAsync(Post("Host.Functions.Asset", new JsonArray(Created(containerName, "fail-now.png"))));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Single(app.Records.Read("Asset", "failed"));
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

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherContainer.StatusCode);
        Assert.Empty(app.Records.Read("Asset", "succeeded"));
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
    public async Task Watcher_FailedDelivery_NoReceipt_DeliveredAgain()
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

        await UploadAsync(containerName, "fail-always.png", [9, 9]);
        await app.Records.WaitForAsync("Asset", "failed", r => r.Count >= 2);

        var receipts = WorkerTestApp.Container("azure-webjobs-hosts").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, $"blobwatcher/{app.HostId}/", CancellationToken.None);
        await foreach (var receipt in receipts)
        {
            Assert.Fail($"A receipt was written for a failed delivery: {receipt.Name}");
        }
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
        ["data"] = new JsonObject { ["api"] = "PutBlob", ["blobType"] = "BlockBlob" },
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
