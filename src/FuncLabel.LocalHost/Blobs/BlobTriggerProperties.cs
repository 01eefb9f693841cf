using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Storage.Blobs;
using FuncLabel.LocalHost.Storage;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// A triggering blob's URI, properties and metadata (the blob trigger's <c>Properties</c> and <c>Metadata</c> binding
/// data), read with one Get Blob Properties call — the content itself is left to the worker. Null when the blob no
/// longer exists.
/// </summary>
internal sealed class BlobTriggerProperties(StorageAccounts storage)
{
    private readonly ConcurrentDictionary<string, BlobServiceClient> _clients = new(StringComparer.OrdinalIgnoreCase);

    public async Task<(Uri Uri, JsonObject Properties, JsonObject Metadata)?> GetAsync(string connection, string container, string blobName, CancellationToken cancellationToken)
    {
        var blob = _clients.GetOrAdd(connection, c => new BlobServiceClient(storage.ConnectionString(c)
                ?? throw new InvalidOperationException($"The storage connection '{c}' is not an app setting.")))
            .GetBlobContainerClient(container).GetBlobClient(blobName);
        try
        {
            var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken)).Value;
            var metadata = new JsonObject();
            foreach (var (name, value) in properties.Metadata)
            {
                metadata[name] = value;
            }

            return (blob.Uri, new JsonObject
            {
                ["BlobType"] = properties.BlobType.ToString(),
                ["ContentType"] = properties.ContentType,
                ["ContentEncoding"] = properties.ContentEncoding,
                ["ContentLength"] = properties.ContentLength,
                ["ContentMD5"] = properties.ContentHash is { Length: > 0 } hash ? Convert.ToBase64String(hash) : null,
                ["ETag"] = properties.ETag.ToString(),
                ["CreatedOn"] = properties.CreatedOn.ToString("O", CultureInfo.InvariantCulture),
                ["LastModified"] = properties.LastModified.ToString("O", CultureInfo.InvariantCulture),
            }, metadata);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }
}
