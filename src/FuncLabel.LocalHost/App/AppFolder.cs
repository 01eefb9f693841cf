using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// A built Functions app folder, read exactly as deployed: <c>host.json</c> at the root and one
/// <c>&lt;FunctionName&gt;/function.json</c> per function. Problems (unreadable files, unsupported bindings,
/// unresolved <c>%Setting%</c> references) are collected rather than thrown, so one start-up lists them all.
/// An optional <c>blobwatcher.json</c> beside host.json configures the blob watcher.
/// </summary>
internal sealed record AppFolder(string Root, HostSettings Host, IReadOnlyList<FunctionDefinition> Functions, Blobs.BlobWatcherConfig? Watcher = null)
{
    public const string DefaultConnection = "AzureWebJobsStorage";

    public static AppFolder? Load(string root, AppSettings settings, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        root = Path.GetFullPath(root);
        var host = HostSettings.Read(Path.Combine(root, "host.json"), found);
        if (host is null)
        {
            return null;
        }

        var functions = new List<FunctionDefinition>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "function.json");
            if (File.Exists(file) && ReadFunction(Path.GetFileName(folder), file, host, settings, found) is { } function)
            {
                functions.Add(function);
            }
        }

        var watcherFile = Path.Combine(root, Blobs.BlobWatcherConfig.FileName);
        var watcher = File.Exists(watcherFile) ? Blobs.BlobWatcherConfig.Read(watcherFile, settings, found) : null;
        return found.Count == 0 ? new AppFolder(root, host, functions, watcher) : null;
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

        // Disabled functions are skipped, as with "AzureWebJobs.<name>.Disabled" in the real host's settings.
        if (root.Flag("disabled") == true
            || (settings.Get($"AzureWebJobs.{name}.Disabled") is { } disabled && bool.TryParse(disabled, out var off) && off))
        {
            return null;
        }

        var problemsBefore = problems.Count;
        var reader = new BindingReader(name, settings, problems);
        TriggerBinding? trigger = null;
        var outputs = new List<OutputBinding>();
        foreach (var binding in (root.Child("bindings") as JsonArray ?? []).OfType<JsonNode>())
        {
            var type = binding.Text("type") ?? "";
            var direction = binding.Text("direction") ?? "";
            if (type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            {
                if (trigger is not null)
                {
                    problems.Add($"{name}: more than one trigger binding.");
                    continue;
                }

                trigger = reader.Trigger(type, binding);
            }
            else if (direction.Equals("out", StringComparison.OrdinalIgnoreCase))
            {
                if (reader.Output(type, binding) is { } output)
                {
                    outputs.Add(output);
                }
            }
            else
            {
                problems.Add($"{name}: the local host does not support '{type}' input bindings.");
            }
        }

        if (problems.Count > problemsBefore)
        {
            return null;
        }

        if (trigger is null)
        {
            if (problems.Count == problemsBefore)
            {
                problems.Add($"{name}: function.json has no trigger binding.");
            }

            return null;
        }

        var function = new FunctionDefinition(name, trigger, outputs);
        if (trigger is HttpTriggerBinding && !(function.IsForwardedHttp && host.EnableForwardingHttpRequest))
        {
            problems.Add($"{name}: the local host serves HTTP functions in forwarding mode only " +
                         "(one httpTrigger, one http output, customHandler.enableForwardingHttpRequest = true).");
            return null;
        }

        return function;
    }
}
