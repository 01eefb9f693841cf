using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// A <c>Microsoft.Storage.BlobCreated</c> event in the Event Grid schema, as Event Grid puts it on a storage queue (one
/// event per message; see docs/local-host.md for the sources): <c>topic</c>, <c>subject</c>
/// (<c>/blobServices/default/containers/{container}/blobs/{name}</c>), <c>eventType</c>, <c>eventTime</c>, <c>id</c>,
/// <c>data</c> (<c>api</c>, <c>clientRequestId</c>, <c>requestId</c>, <c>eTag</c>, <c>contentType</c>, <c>contentLength</c>,
/// <c>blobType</c>, <c>url</c>, <c>sequencer</c>, <c>storageDiagnostics</c>), <c>dataVersion</c>, <c>metadataVersion</c>.
/// </summary>
/// <remarks>
/// Locally some values are stand-ins: the id is derived from (subscription, blob, ETag), so a re-sent event after a
/// crash carries the same id; <c>api</c> is always <c>PutBlob</c> and <c>blobType</c> <c>BlockBlob</c> (a listing
/// tells neither); <c>eventTime</c> is the blob's Last-Modified; the sequencer is its Last-Modified ticks in hex, so
/// string order is event order per blob, as Event Grid promises; the topic names a placeholder subscription and group.
/// </remarks>
internal static class BlobCreatedEvent
{
    public const string EventType = "Microsoft.Storage.BlobCreated";

    public static string Subject(string container, string blobName) => $"/blobServices/default/containers/{container}/blobs/{blobName}";

    /// <summary>The blob's ETag without quotes (<c>0x8D…</c>), as Event Grid's <c>data.eTag</c> and the receipts' names carry it.</summary>
    public static string ETagOf(BlobItem blob) => (blob.Properties.ETag?.ToString() ?? string.Empty).Trim('"');

    public static JsonObject Create(BlobSubscription subscription, string accountName, Uri blobUri, BlobItem blob)
    {
        var eTag = ETagOf(blob);
        var lastModified = blob.Properties.LastModified.GetValueOrDefault();
        return new JsonObject
        {
            ["topic"] = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/{accountName}",
            ["subject"] = Subject(subscription.Container, blob.Name),
            ["eventType"] = EventType,
            ["eventTime"] = lastModified.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
            ["id"] = Id(subscription.Name, subscription.Container, blob.Name, eTag).ToString(),
            ["data"] = new JsonObject
            {
                ["api"] = "PutBlob",
                ["clientRequestId"] = Guid.NewGuid().ToString(),
                ["requestId"] = Guid.NewGuid().ToString(),
                ["eTag"] = eTag,
                ["contentType"] = blob.Properties.ContentType ?? "application/octet-stream",
                ["contentLength"] = blob.Properties.ContentLength.GetValueOrDefault(),
                ["blobType"] = "BlockBlob",
                ["url"] = blobUri.AbsoluteUri,
                ["sequencer"] = lastModified.UtcTicks.ToString("X32", CultureInfo.InvariantCulture),
                ["storageDiagnostics"] = new JsonObject { ["batchId"] = Guid.NewGuid().ToString() },
            },
            ["dataVersion"] = "",
            ["metadataVersion"] = "1",
        };
    }

    /// <summary>A name-based GUID: the same subscription, blob and ETag always give the same event id.</summary>
    public static Guid Id(string subscription, string container, string blobName, string eTag)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{subscription}\n{container}\n{blobName}\n{eTag}"));
        return new Guid(hash.AsSpan(0, 16));
    }
}
