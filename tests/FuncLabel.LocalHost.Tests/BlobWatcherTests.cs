using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Blobs;
using FuncLabel.LocalHost.Queues;
using FuncLabel.LocalHost.Storage;
using FuncLabel.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace FuncLabel.LocalHost.Tests;

/// <summary>The blob watcher against Azurite: one Event Grid-schema BlobCreated event per (subscription, blob, ETag).</summary>
public sealed class BlobWatcherTests
{
    private readonly string _container = UniqueName.For("assets");
    private readonly string _queue = UniqueName.For("asset-events");
    private readonly string _hostId = UniqueName.For("w")[..20];
    private readonly BlobContainerClient _blobs;

    public BlobWatcherTests() => _blobs = new BlobServiceClient(Emulators.StorageConnectionString).GetBlobContainerClient(_container);

    [Fact]
    public async Task Upload_ExactlyOneEventWithEventGridFields()
    {
        var watcher = await WatcherAsync();
        var uploaded = (await _blobs.GetBlobClient("p1/images/cat 1.png").UploadAsync(
            BinaryData.FromBytes(new byte[1234]), new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/png" } })).Value;

        Assert.Equal(1, await watcher.ScanOnceAsync(CancellationToken.None));
        Assert.Equal(0, await watcher.ScanOnceAsync(CancellationToken.None));

        var message = Assert.Single(await DrainAsync());
        var json = JsonNode.Parse(message)!;
        Assert.Equal("Microsoft.Storage.BlobCreated", json["eventType"]!.GetValue<string>());
        Assert.Equal($"/blobServices/default/containers/{_container}/blobs/p1/images/cat 1.png", json["subject"]!.GetValue<string>());
        Assert.True(Guid.TryParse(json["id"]!.GetValue<string>(), out _));
        Assert.StartsWith("/subscriptions/", json["topic"]!.GetValue<string>());
        Assert.True(DateTimeOffset.TryParse(json["eventTime"]!.GetValue<string>(), out _));
        Assert.Equal("1", json["metadataVersion"]!.GetValue<string>());
        var data = json["data"]!;
        Assert.Equal(uploaded.ETag.ToString().Trim('"'), data["eTag"]!.GetValue<string>());
        Assert.Equal("image/png", data["contentType"]!.GetValue<string>());
        Assert.Equal(1234, data["contentLength"]!.GetValue<long>());
        Assert.Equal("BlockBlob", data["blobType"]!.GetValue<string>());
        Assert.Equal("PutBlob", data["api"]!.GetValue<string>());
        Assert.Equal(_blobs.GetBlobClient("p1/images/cat 1.png").Uri.AbsoluteUri, data["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Restart_NothingReEmitted()
    {
        var first = await WatcherAsync();
        await _blobs.GetBlobClient("p1/a.txt").UploadAsync(BinaryData.FromString("a"));
        await _blobs.GetBlobClient("p1/b.txt").UploadAsync(BinaryData.FromString("b"));
        Assert.Equal(2, await first.ScanOnceAsync(CancellationToken.None));

        var restarted = await WatcherAsync();

        Assert.Equal(0, await restarted.ScanOnceAsync(CancellationToken.None));
        Assert.Equal(2, (await DrainAsync()).Count);
    }

    [Fact]
    public async Task Overwrite_ExactlyOneNewEvent_DeleteIgnored()
    {
        var watcher = await WatcherAsync();
        var blob = _blobs.GetBlobClient("p1/doc.txt");
        await blob.UploadAsync(BinaryData.FromString("v1"));
        await watcher.ScanOnceAsync(CancellationToken.None);
        var second = (await blob.UploadAsync(BinaryData.FromString("version 2"), overwrite: true)).Value;

        Assert.Equal(1, await watcher.ScanOnceAsync(CancellationToken.None));
        await blob.DeleteAsync();
        Assert.Equal(0, await watcher.ScanOnceAsync(CancellationToken.None));

        var events = (await DrainAsync()).Select(m => JsonNode.Parse(m)!["data"]!).ToList();
        Assert.Equal(2, events.Count);
        Assert.Equal(second.ETag.ToString().Trim('"'), events[1]["eTag"]!.GetValue<string>());
        Assert.Equal(9, events[1]["contentLength"]!.GetValue<long>());
    }

    [Fact]
    public async Task BlobNotMatchingSuffix_NoEvent()
    {
        var watcher = await WatcherAsync(new SubjectFilter(null, ".ndjson", CaseSensitive: false));
        await _blobs.GetBlobClient("p1/import.csv").UploadAsync(BinaryData.FromString("x"));
        await _blobs.GetBlobClient("p1/import.ndjson.tmp").UploadAsync(BinaryData.FromString("x"));
        await _blobs.GetBlobClient("p1/import.NDJSON").UploadAsync(BinaryData.FromString("{}"));

        Assert.Equal(1, await watcher.ScanOnceAsync(CancellationToken.None));

        var message = Assert.Single(await DrainAsync());
        Assert.EndsWith("/blobs/p1/import.NDJSON", JsonNode.Parse(message)!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task ThousandUploadsAcrossNestedPaths_OneEventEach()
    {
        var watcher = await WatcherAsync();
        await watcher.StartAsync(CancellationToken.None);
        var names = Enumerable.Range(0, 1000).Select(i => $"p{i % 7}/batch{i % 13}/deep/{i:0000}.bin").ToList();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (name, ct) =>
            await _blobs.GetBlobClient(name).UploadAsync(BinaryData.FromString(name), cancellationToken: ct));

        var subjects = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (subjects.Count < names.Count && DateTime.UtcNow < deadline)
        {
            subjects.AddRange((await DrainAsync()).Select(m => JsonNode.Parse(m)!["subject"]!.GetValue<string>()));
            await Task.Delay(100);
        }

        await watcher.StopAsync();
        Assert.Equal(0, await watcher.ScanOnceAsync(CancellationToken.None));
        subjects.AddRange((await DrainAsync()).Select(m => JsonNode.Parse(m)!["subject"]!.GetValue<string>()));
        Assert.Equal(names.Count, subjects.Count);
        Assert.Equal(
            names.Select(n => BlobCreatedEvent.Subject(_container, n)).Order(StringComparer.Ordinal),
            subjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task FunctionSubscription_WebhookDown_NoReceipt_DeliveredOnceItAccepts()
    {
        // What --watcher-only does next to `func start`: post each event to another host's blob webhook, with its code.
        var port = FreePort();
        using var http = new HttpClient();
        var webhook = new BlobWebhookClient(http, new Uri($"http://127.0.0.1:{port}/"), code: "system-key");
        await _blobs.CreateIfNotExistsAsync();
        var settings = AppSettings.Create(new Dictionary<string, string>(), new Dictionary<string, string> { ["AzureWebJobsStorage"] = Emulators.StorageConnectionString });
        var config = new BlobWatcherConfig(
            TimeSpan.FromMilliseconds(200),
            [new BlobSubscription("assets-created", _container, null, AppFolder.DefaultConnection, new SubjectFilter(null, null, false), Base64: true) { Function = "assetUploaded" }]);
        var watcher = new BlobWatcher(config, new StorageAccounts(settings), _hostId, new QueueActivity(), TimeProvider.System, NullLoggerFactory.Instance, webhook);
        await watcher.PrepareAsync(CancellationToken.None);
        await _blobs.GetBlobClient("p1/x.png").UploadAsync(BinaryData.FromString("x"));

        var whileDown = await watcher.ScanOnceAsync(CancellationToken.None);
        using var listener = new System.Net.HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        var received = AcceptOneAsync(listener);
        var onceUp = await watcher.ScanOnceAsync(CancellationToken.None);
        var (url, eventType, body) = await received;
        var afterwards = await watcher.ScanOnceAsync(CancellationToken.None);

        Assert.Equal(0, whileDown);
        Assert.Equal(1, onceUp);
        Assert.Equal(0, afterwards);
        Assert.Equal($"/runtime/webhooks/blobs?functionName=Host.Functions.assetUploaded&code=system-key", url);
        Assert.Equal("Notification", eventType);
        var item = Assert.Single(JsonNode.Parse(body)!.AsArray())!;
        Assert.Equal(BlobCreatedEvent.Subject(_container, "p1/x.png"), item["subject"]!.GetValue<string>());
    }

    private static async Task<(string Url, string? EventType, string Body)> AcceptOneAsync(System.Net.HttpListener listener)
    {
        var context = await listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        context.Response.StatusCode = 202;
        context.Response.Close();
        return (context.Request.RawUrl!, context.Request.Headers["aeg-event-type"], body);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task<BlobWatcher> WatcherAsync(SubjectFilter? filter = null)
    {
        await _blobs.CreateIfNotExistsAsync();
        var settings = AppSettings.Create(new Dictionary<string, string>(), new Dictionary<string, string> { ["AzureWebJobsStorage"] = Emulators.StorageConnectionString });
        var config = new BlobWatcherConfig(
            TimeSpan.FromMilliseconds(200),
            [new BlobSubscription("assets-created", _container, _queue, AppFolder.DefaultConnection, filter ?? new SubjectFilter(null, null, false), Base64: true)]);
        var watcher = new BlobWatcher(config, new StorageAccounts(settings), _hostId, new QueueActivity(), TimeProvider.System, NullLoggerFactory.Instance);
        await watcher.PrepareAsync(CancellationToken.None);
        return watcher;
    }

    /// <summary>Every message now on the event queue, deleting them; each must be base64 on the wire (as Event Grid writes it).</summary>
    private async Task<List<string>> DrainAsync()
    {
        var raw = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None };
        var queue = new QueueServiceClient(Emulators.StorageConnectionString, raw).GetQueueClient(_queue);
        var texts = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } batch)
        {
            foreach (var message in batch)
            {
                texts.Add(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText)));
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }

        return texts;
    }
}
