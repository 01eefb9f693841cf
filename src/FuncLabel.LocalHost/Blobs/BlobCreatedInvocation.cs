using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// Turns one Event Grid event into a blob-trigger invocation: a <c>Microsoft.Storage.BlobCreated</c> event whose subject
/// (<c>/blobServices/default/containers/{container}/blobs/{name}</c>) names a blob in the trigger's container matching its
/// path pattern, and that still exists. Null for any other event.
/// </summary>
internal static class BlobCreatedInvocation
{
    private const string SubjectPrefix = "/blobServices/default/containers/";

    public static async Task<InvocationRequest?> CreateAsync(FunctionDefinition function, JsonObject item, BlobTriggerProperties properties, CancellationToken cancellationToken)
    {
        var trigger = (BlobTriggerBinding)function.Trigger;
        if (item.Text("eventType") != BlobCreatedEvent.EventType || Blob(item.Text("subject")) is not { } found
            || found.Container != trigger.Container || trigger.Pattern.Match(found.BlobName) is not { } parameters)
        {
            return null;
        }

        var (container, blobName) = found;

        var blob = await properties.GetAsync(trigger.Connection, container, blobName, cancellationToken);
        if (blob is null)
        {
            return null;
        }

        var bindingData = new Dictionary<string, string>(parameters, StringComparer.OrdinalIgnoreCase)
        {
            ["BlobTrigger"] = $"{container}/{blobName}",
            ["Uri"] = blob.Value.Uri.AbsoluteUri,
        };
        return new InvocationRequest(function, $"New blob detected (EventGrid): {container}/{blobName}", new JsonObject(), new JsonObject(), bindingData)
        {
            Trigger = new BlobTriggerInput(trigger.Connection, container, blobName, blob.Value.Uri, parameters, blob.Value.Properties, blob.Value.Metadata),
        };
    }

    /// <summary>The container and blob name of a blob event's subject; null for any other subject.</summary>
    public static (string Container, string BlobName)? Blob(string? subject)
    {
        if (subject is null || !subject.StartsWith(SubjectPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = subject[SubjectPrefix.Length..];
        var separator = rest.IndexOf("/blobs/", StringComparison.Ordinal);
        return separator > 0 && separator + 7 < rest.Length ? (rest[..separator], rest[(separator + 7)..]) : null;
    }
}
