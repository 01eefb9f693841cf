using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Data;
using FuncLabel.Testing;

namespace FuncLabel.Functions.Tests.Ingestion;

/// <summary>
/// Drives the real ingestion path in memory: uploads to Azurite, then invokes the queue functions through their
/// <c>POST /{FunctionName}</c> endpoints with the Functions host's payload carrying an Event Grid BlobCreated event
/// (plain JSON or base64, as the queue may hold either).
/// </summary>
internal sealed class IngestionHarness(FuncLabelApp app)
{
    public BlobServiceClient Blobs { get; } = new(Emulators.StorageConnectionString);

    public async Task<string> UploadAsync(string container, string blobName, byte[] bytes)
    {
        var client = Blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        var info = await client.GetBlobClient(blobName).UploadAsync(new MemoryStream(bytes), new BlobUploadOptions());
        return info.Value.ETag.ToString();
    }

    /// <summary>Sends the BlobCreated event of a stored blob to the function; returns the function's log lines.</summary>
    public async Task<IReadOnlyList<string>> DeliverAsync(string function, string container, string blobName, bool base64 = false, int dequeueCount = 1)
    {
        var (status, body) = await SendAsync(function, container, blobName, base64, dequeueCount);
        Assert.True((int)status is >= 200 and < 300, $"{function}: {(int)status} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()!).ToList();
    }

    /// <summary>As <see cref="DeliverAsync"/>, but returns the function endpoint's answer whatever it is (500: the invocation failed).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(string function, string container, string blobName, bool base64 = false, int dequeueCount = 1)
    {
        var properties = (await Blobs.GetBlobContainerClient(container).GetBlobClient(blobName).GetPropertiesAsync()).Value;
        var eventJson = JsonSerializer.Serialize(new
        {
            topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
            subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
            eventType = "Microsoft.Storage.BlobCreated",
            eventTime = properties.LastModified,
            id = $"{container}/{blobName}/{properties.ETag}",
            data = new { api = "PutBlob", eTag = properties.ETag.ToString(), contentType = properties.ContentType, contentLength = properties.ContentLength, blobType = "BlockBlob" },
            dataVersion = "",
            metadataVersion = "1",
        });
        var message = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(eventJson)) : eventJson;
        using var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10); // an invocation may run up to host.json's functionTimeout
        using var response = await client.PostAsJsonAsync($"/{function}", new
        {
            Data = new Dictionary<string, string> { ["message"] = message },
            Metadata = new Dictionary<string, object> { ["Id"] = Guid.NewGuid().ToString(), ["DequeueCount"] = dequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        });
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> IngestAssetAsync(string projectId, string path, byte[] bytes, bool base64 = false)
    {
        await UploadAsync(StorageNames.BlobContainers.Assets, $"{projectId}/{path}", bytes);
        var logs = await DeliverAsync("assetEvents", StorageNames.BlobContainers.Assets, $"{projectId}/{path}", base64);
        return string.Join("\n", logs);
    }

    public async Task<string> ImportAsync(string projectId, string importId, string ndjson, bool base64 = false)
    {
        await UploadAsync(StorageNames.BlobContainers.Prelabels, $"{projectId}/{importId}.ndjson", Encoding.UTF8.GetBytes(ndjson));
        return string.Join("\n", await DeliverAsync("prelabelEvents", StorageNames.BlobContainers.Prelabels, $"{projectId}/{importId}.ndjson", base64));
    }
}
