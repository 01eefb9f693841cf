using System.Text.Json.Nodes;
using FuncLabel.Functions;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The function app's functions as the Functions host learns them in Azure: the worker indexes its functions
/// (worker.config.json <c>workerIndexing</c>) and answers the host with the metadata the Worker SDK generated from the
/// <c>[Function]</c> methods, <see cref="GeneratedFunctionMetadataProvider"/> (the same list as functions.metadata).
/// </summary>
internal static class AppFunctionMetadata
{
    public static IReadOnlyList<AppFunction> All { get; } =
        new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync("").GetAwaiter().GetResult()
            .Select(f =>
            {
                var bindings = f.RawBindings!.Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
                var trigger = bindings.Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal));
                return new AppFunction(f.Name!, trigger);
            })
            .ToList();

    /// <summary>Blob triggers with <c>Source = BlobTriggerSource.EventGrid</c>: fed by Event Grid through the webhook.</summary>
    public static IEnumerable<AppFunction> EventGridBlobTriggers =>
        All.Where(f => f.TriggerType == "blobTrigger" && string.Equals((string?)f.Trigger["source"], "EventGrid", StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<AppFunction> QueueTriggers => All.Where(f => f.TriggerType == "queueTrigger");

    /// <summary>One line per function with a storage trigger, for failure messages.</summary>
    public static string DescribeStorageTriggers() =>
        string.Join('\n', All.Where(f => f.TriggerType is "blobTrigger" or "queueTrigger")
            .Select(f => $"  {f.Name}: {f.Trigger.ToJsonString()}")
            .DefaultIfEmpty("  (none)"));
}

/// <summary>A function of the app and its trigger binding as the metadata states it.</summary>
internal sealed record AppFunction(string Name, JsonObject Trigger)
{
    public string TriggerType => (string)Trigger["type"]!;

    /// <summary>A blob trigger's container: the first segment of its path (<c>assets/{name}</c> → <c>assets</c>).</summary>
    public string? BlobContainer => ((string?)Trigger["path"])?.Split('/')[0];

    public string? QueueName => (string?)Trigger["queueName"];
}
