using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// What the local host takes from <c>host.json</c> (docs/local-host.md, What it does): the route prefix, queue-trigger
/// options, the blob trigger's options, the function timeout and the host id. How to start the app's worker is in its
/// own <c>worker.config.json</c> (<see cref="Worker.WorkerDescription"/>).
/// </summary>
internal sealed record HostSettings(
    string RoutePrefix,
    QueueTriggerOptions Queues,
    BlobTriggerOptions Blobs,
    TimeSpan? FunctionTimeout,
    string? HostId)
{
    public static HostSettings? Read(string path, List<string> problems)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{path} does not exist: the app folder needs a host.json.");
            return null;
        }

        if (!JsonConfig.TryReadFile(path, problems, out var root))
        {
            return null;
        }

        var extensions = root.Child("extensions");
        return new HostSettings(
            (extensions.Child("http").Text("routePrefix") ?? "api").Trim('/'),
            QueueTriggerOptions.From(extensions.Child("queues"), problems),
            BlobTriggerOptions.From(extensions.Child("blobs"), problems),
            root.Duration("functionTimeout"),
            root.Text("id"));
    }
}
