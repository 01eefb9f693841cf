using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// A built Functions app folder, read exactly as deployed: <c>host.json</c> at the root, and either a .NET isolated
/// worker's <c>worker.config.json</c> (worker mode: the functions come from the worker itself once it runs, see
/// <see cref="Worker.WorkerHost"/>) or a custom handler's <c>&lt;FunctionName&gt;/function.json</c> files. Problems
/// (unreadable files, unsupported bindings, unresolved <c>%Setting%</c> references) are collected rather than thrown, so
/// one start-up lists them all. An optional <c>blobwatcher.json</c> beside host.json configures the blob watcher.
/// </summary>
internal sealed record AppFolder(string Root, HostSettings Host, IReadOnlyList<FunctionDefinition> Functions, Blobs.BlobWatcherConfig? Watcher = null)
{
    /// <summary>The isolated worker to run, when the folder has a <c>worker.config.json</c>; null for a custom handler.</summary>
    public Worker.WorkerDescription? Worker { get; init; }

    public const string DefaultConnection = "AzureWebJobsStorage";

    public static AppFolder? Load(string root, AppSettings settings, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        root = Path.GetFullPath(root);
        var workerFile = Path.Combine(root, LocalHost.Worker.WorkerDescription.FileName);
        var worker = File.Exists(workerFile) ? LocalHost.Worker.WorkerDescription.Read(workerFile, found) : null;
        var host = HostSettings.Read(Path.Combine(root, "host.json"), found, requireCustomHandler: !File.Exists(workerFile));
        if (host is null)
        {
            return null;
        }

        var functions = new List<FunctionDefinition>();
        foreach (var folder in File.Exists(workerFile) ? Enumerable.Empty<string>() : Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "function.json");
            if (File.Exists(file) && ReadFunction(Path.GetFileName(folder), file, host, settings, found) is { } function)
            {
                functions.Add(function);
            }
        }

        var watcherFile = Path.Combine(root, Blobs.BlobWatcherConfig.FileName);
        var watcher = File.Exists(watcherFile) ? Blobs.BlobWatcherConfig.Read(watcherFile, settings, found) : null;
        if (worker is null && watcher?.Subscriptions.FirstOrDefault(s => s.Function is not null) is { } toFunction)
        {
            found.Add($"{watcherFile}: subscription '{toFunction.Name}' delivers to a function, which needs a .NET isolated worker app (worker.config.json).");
        }

        return found.Count == 0 ? new AppFolder(root, host, functions, watcher) { Worker = worker } : null;
    }

    private static FunctionDefinition? ReadFunction(string name, string file, HostSettings host, AppSettings settings, List<string> problems)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(file), documentOptions: JsonConfig.Lenient);
        }
        catch (JsonException e)
        {
            problems.Add($"{file} is not valid JSON: {e.Message}");
            return null;
        }

        if (root.Flag("disabled") == true || FunctionReader.IsDisabledBySetting(name, settings))
        {
            return null;
        }

        var bindings = (root.Child("bindings") as JsonArray ?? []).OfType<JsonNode>().ToList();
        var function = FunctionReader.Read(name, bindings, settings, problems);
        if (function is { Trigger: HttpTriggerBinding } && !(function.IsForwardedHttp && host.EnableForwardingHttpRequest))
        {
            problems.Add($"{name}: the local host serves a custom handler's HTTP functions in forwarding mode only " +
                         "(one httpTrigger, one http output, customHandler.enableForwardingHttpRequest = true).");
            return null;
        }

        if (function is { Trigger: BlobTriggerBinding })
        {
            problems.Add($"{name}: blob triggers run only with a .NET isolated worker (worker.config.json), not a custom handler.");
            return null;
        }

        return function;
    }
}
