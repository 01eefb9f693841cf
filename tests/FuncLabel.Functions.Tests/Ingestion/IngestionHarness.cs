using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FuncLabel.Data;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Tests.Hosting;

namespace FuncLabel.Functions.Tests.Ingestion;

/// <summary>
/// Drives the real ingestion path: uploads to the app's storage account in Azurite, then delivers the blob's Event Grid
/// BlobCreated event to the local host's blob webhook (<c>/runtime/webhooks/blobs?functionName=Host.Functions.{name}</c>),
/// which invokes the blob-triggered function in the worker with the blob bound as a client, as the Functions host does.
/// </summary>
internal sealed class IngestionHarness(WorkerApp app)
{
    public const string AssetFunction = AssetUploadedFunction.Name;
    public const string PrelabelFunction = PrelabelUploadedFunction.Name;

    public BlobServiceClient Blobs { get; } = new(app.StorageConnectionString);

    public async Task<string> UploadAsync(string container, string blobName, byte[] bytes)
    {
        var client = Blobs.GetBlobContainerClient(container);
        await client.CreateIfNotExistsAsync();
        var info = await client.GetBlobClient(blobName).UploadAsync(new MemoryStream(bytes), new BlobUploadOptions());
        return info.Value.ETag.ToString();
    }

    /// <summary>Delivers the BlobCreated event of a stored blob to the function; returns the lines the invocation logged.</summary>
    public async Task<IReadOnlyList<string>> DeliverAsync(string function, string container, string blobName)
    {
        var mark = app.Log.Mark;
        var (status, body) = await SendAsync(function, container, blobName);
        Assert.True((int)status is >= 200 and < 300, $"{function}: {(int)status} {body}");
        return app.Log.FunctionLines(function, mark);
    }

    /// <summary>As <see cref="DeliverAsync"/>, but returns the webhook's answer whatever it is (500: the invocation failed).</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(string function, string container, string blobName)
    {
        var properties = (await Blobs.GetBlobContainerClient(container).GetBlobClient(blobName).GetPropertiesAsync()).Value;
        var events = JsonSerializer.Serialize(new[]
        {
            new
            {
                topic = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
                subject = $"/blobServices/default/containers/{container}/blobs/{blobName}",
                eventType = "Microsoft.Storage.BlobCreated",
                eventTime = properties.LastModified,
                id = Guid.NewGuid().ToString(),
                data = new
                {
                    api = "PutBlob",
                    eTag = properties.ETag.ToString().Trim('"'),
                    contentType = properties.ContentType,
                    contentLength = properties.ContentLength,
                    blobType = "BlockBlob",
                    url = Blobs.GetBlobContainerClient(container).GetBlobClient(blobName).Uri.ToString(),
                },
                dataVersion = "",
                metadataVersion = "1",
            },
        });
        using var client = app.CreateClient();
        client.Timeout = TimeSpan.FromMinutes(10); // an invocation may run up to host.json's functionTimeout
        using var content = new StringContent(events, Encoding.UTF8, "application/json");
        content.Headers.Add("aeg-event-type", "Notification");
        using var response = await client.PostAsync($"/runtime/webhooks/blobs?functionName=Host.Functions.{function}", content);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> IngestAssetAsync(string projectId, string path, byte[] bytes)
    {
        await UploadAsync(StorageNames.BlobContainers.Assets, $"{projectId}/{path}", bytes);
        var logs = await DeliverAsync(AssetFunction, StorageNames.BlobContainers.Assets, $"{projectId}/{path}");
        return string.Join("\n", logs);
    }

    public async Task<string> ImportAsync(string projectId, string importId, string ndjson)
    {
        await UploadAsync(StorageNames.BlobContainers.Prelabels, $"{projectId}/{importId}.ndjson", Encoding.UTF8.GetBytes(ndjson));
        return string.Join("\n", await DeliverAsync(PrelabelFunction, StorageNames.BlobContainers.Prelabels, $"{projectId}/{importId}.ndjson"));
    }
}
