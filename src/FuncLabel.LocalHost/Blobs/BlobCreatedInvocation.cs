using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// Turns a queued <see cref="BlobTriggerMessage"/> into an invocation of its blob-triggered function: one Get Blob
/// Properties call gives the blob's URI, properties and metadata (the worker reads the content itself); the values
/// the trigger path's parameters capture become binding data. Null when the blob no longer exists.
/// </summary>
internal static class BlobCreatedInvocation
{
    public static async Task<InvocationRequest?> CreateAsync(FunctionDefinition function, BlobTriggerMessage message, BlobTriggerProperties properties, CancellationToken cancellationToken)
    {
        var trigger = (BlobTriggerBinding)function.Trigger;
        var (container, blobName) = (message.ContainerName, message.BlobName);
        var blob = await properties.GetAsync(trigger.Connection, container, blobName, cancellationToken);
        if (blob is null)
        {
            return null;
        }

        var parameters = trigger.Pattern.Match(blobName) ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var bindingData = new Dictionary<string, string>(parameters, StringComparer.OrdinalIgnoreCase)
        {
            ["BlobTrigger"] = $"{container}/{blobName}",
            ["Uri"] = blob.Value.Uri.AbsoluteUri,
        };
        return new InvocationRequest(
            function,
            $"New blob detected(EventGrid): {container}/{blobName}",
            new BlobTriggerInput(trigger.Connection, container, blobName, blob.Value.Uri, parameters, blob.Value.Properties, blob.Value.Metadata),
            bindingData);
    }
}
