using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// One blob to run a blob-triggered function for, as the blob extension queues it (its <c>BlobTriggerMessage</c>):
/// <c>{"Type":"BlobTrigger","FunctionId":"Host.Functions.&lt;Name&gt;","BlobType":"BlockBlob","ContainerName":…,
/// "BlobName":…,"ETag":"\"0x…\""}</c>. The webhook makes one from each <c>BlobCreated</c> event; the internal queue's
/// listener runs it (<see cref="BlobTriggerQueue"/>).
/// </summary>
internal sealed record BlobTriggerMessage(string FunctionId, string BlobType, string ContainerName, string BlobName, string ETag)
{
    public const string FunctionIdPrefix = "Host.Functions.";

    /// <summary>The id the host registers a function's blob trigger under, and the webhook's <c>functionName</c>.</summary>
    public static string IdOf(string functionName) => FunctionIdPrefix + functionName;

    /// <summary>The function name of <see cref="FunctionId"/> (the id without its prefix).</summary>
    public string FunctionName =>
        FunctionId.StartsWith(FunctionIdPrefix, StringComparison.OrdinalIgnoreCase) ? FunctionId[FunctionIdPrefix.Length..] : FunctionId;

    /// <summary>
    /// The message for a <c>Microsoft.Storage.BlobCreated</c> event whose blob belongs to <paramref name="function"/>'s
    /// trigger. Like the extension, the blob comes from <c>data.url</c> (container and name), <c>data.eTag</c> and
    /// <c>data.blobType</c>, not from the subject. Null, with no <paramref name="problem"/>, for another event type or a
    /// blob outside the trigger's container and path pattern (the extension queues those too, trusting the subscription's
    /// filter; skipping them keeps a stray post from running a function on a blob its path does not describe). Null with
    /// a problem when a BlobCreated event lacks <c>data.url</c>.
    /// </summary>
    public static BlobTriggerMessage? FromEvent(JsonObject item, FunctionDefinition function, out string? problem)
    {
        problem = null;
        var trigger = (BlobTriggerBinding)function.Trigger;
        if (item.Text("eventType") != BlobCreatedEvent.EventType)
        {
            return null;
        }

        var data = item.Child("data");
        if (data.Text("url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            problem = "data.url: a BlobCreated event needs the blob's URL";
            return null;
        }

        var blob = new BlobUriBuilder(uri);
        if (blob.BlobContainerName != trigger.Container || string.IsNullOrEmpty(blob.BlobName) || trigger.Pattern.Match(blob.BlobName) is null)
        {
            return null;
        }

        var eTag = data.Text("eTag") ?? "";
        return new BlobTriggerMessage(IdOf(function.Name), data.Text("blobType") ?? "BlockBlob", blob.BlobContainerName, blob.BlobName, $"\"{eTag.Trim('"')}\"");
    }

    public string ToJson() => new JsonObject
    {
        ["Type"] = "BlobTrigger",
        ["FunctionId"] = FunctionId,
        ["BlobType"] = BlobType,
        ["ContainerName"] = ContainerName,
        ["BlobName"] = BlobName,
        ["ETag"] = ETag,
    }.ToJsonString();

    /// <summary>Reads a queued message; throws <see cref="InvalidDataException"/> when it is not one (the delivery then fails).</summary>
    public static BlobTriggerMessage Parse(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: JsonConfig.Lenient);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Not a blob trigger message: {e.Message}", e);
        }

        return root.Text("FunctionId") is { Length: > 0 } functionId
               && root.Text("ContainerName") is { Length: > 0 } container
               && root.Text("BlobName") is { Length: > 0 } blobName
            ? new BlobTriggerMessage(functionId, root.Text("BlobType") ?? "BlockBlob", container, blobName, root.Text("ETag") ?? "")
            : throw new InvalidDataException("Not a blob trigger message: FunctionId, ContainerName and BlobName are required.");
    }
}
