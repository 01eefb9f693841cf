using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// What the local host takes from <c>host.json</c> (docs/local-host.md, The host behaviour it copies): how to start the
/// custom handler (absent for a .NET isolated worker, which has its own worker.config.json), whether HTTP is forwarded,
/// the route prefix, queue-trigger options, the function timeout and the host id.
/// </summary>
internal sealed record HostSettings(
    CustomHandlerDescription? Handler,
    bool EnableForwardingHttpRequest,
    string RoutePrefix,
    QueueTriggerOptions Queues,
    TimeSpan? FunctionTimeout,
    string? HostId)
{
    public static HostSettings? Read(string path, List<string> problems, bool requireCustomHandler = true)
    {
        if (!File.Exists(path))
        {
            problems.Add($"{path} does not exist: the app folder needs a host.json.");
            return null;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: JsonConfig.Lenient);
        }
        catch (JsonException e)
        {
            problems.Add($"{path} is not valid JSON: {e.Message}");
            return null;
        }

        // The host reads the legacy "httpWorker" section too; "customHandler" wins when both are present.
        var section = root.Child("customHandler") ?? root.Child("httpWorker");
        var description = section.Child("description");
        var executable = description.Text("defaultExecutablePath");
        if (string.IsNullOrWhiteSpace(executable) && requireCustomHandler)
        {
            problems.Add($"{path}: customHandler.description.defaultExecutablePath is required (or a worker.config.json beside it).");
            return null;
        }

        var arguments = (description.Child("arguments") ?? description.Child("workerArguments")) is JsonArray list
            ? list.Select(a => a?.GetValue<string>() ?? "").ToList()
            : [];
        var extensions = root.Child("extensions");
        return new HostSettings(
            string.IsNullOrWhiteSpace(executable) ? null : new CustomHandlerDescription(executable, description.Text("workingDirectory"), arguments),
            section.Flag("enableForwardingHttpRequest") ?? false,
            (extensions.Child("http").Text("routePrefix") ?? "api").Trim('/'),
            QueueTriggerOptions.From(extensions.Child("queues"), problems),
            root.Duration("functionTimeout"),
            root.Text("id"));
    }
}

/// <summary><c>customHandler.description</c>: the executable (relative to the app folder, or on PATH), its working folder and arguments.</summary>
internal sealed record CustomHandlerDescription(string DefaultExecutablePath, string? WorkingDirectory, IReadOnlyList<string> Arguments);
