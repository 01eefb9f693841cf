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
/// The webhook answers 202 once the event is on the host's blob-trigger queue; a delivery here waits for the invocation
/// that queue starts for this blob (its <c>Executing</c> line names the blob) and answers with that invocation's outcome.
/// A failed invocation is retried by the host on its own, as in Azure.
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

    /// <summary>As <see cref="DeliverAsync"/>, but returns the outcome whatever it is (500: the invocation failed; the webhook's own answer when it refused the event).</summary>
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
        var mark = app.Log.Mark;
        using var response = await client.PostAsync($"/runtime/webhooks/blobs?functionName=Host.Functions.{function}", content);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        return await OutcomeAsync(function, $"{container}/{blobName}", mark);
    }

    /// <summary>
    /// Waits for an invocation of <paramref name="function"/> for <paramref name="blobPath"/> started after
    /// <paramref name="since"/> and not yet taken by another delivery, then for its <c>Executed</c> line:
    /// 200 when it succeeded, 500 with the failure when it failed.
    /// </summary>
    private async Task<(HttpStatusCode Status, string Body)> OutcomeAsync(string function, string blobPath, long since)
    {
        var executing = $"Executing 'Functions.{function}' (Reason='New blob detected(EventGrid): {blobPath}', Id=";
        var deadline = DateTime.UtcNow + OutcomeTimeout;
        string? id = null;
        while (DateTime.UtcNow < deadline)
        {
            foreach (var entry in app.Log.Since(since))
            {
                if (id is null && entry.Message.StartsWith(executing, StringComparison.Ordinal))
                {
                    var candidate = entry.Message[executing.Length..].TrimEnd(')');
                    if (_taken.TryAdd(candidate, 0))
                    {
                        id = candidate;
                    }
                }
                else if (id is not null && entry.Message.StartsWith($"Executed 'Functions.{function}' (", StringComparison.Ordinal)
                    && entry.Message.Contains($"Id={id},", StringComparison.Ordinal))
                {
                    return entry.Message.Contains("(Succeeded,", StringComparison.Ordinal)
                        ? (HttpStatusCode.OK, entry.Message)
                        : (HttpStatusCode.InternalServerError, entry.Message);
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"{function}: no {(id is null ? "invocation" : $"outcome of invocation {id}")} for {blobPath} within {OutcomeTimeout}.\n"
            + string.Join("\n", app.Log.Problems(40)));
    }

    private static readonly TimeSpan OutcomeTimeout = TimeSpan.FromMinutes(5);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _taken = new();

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
