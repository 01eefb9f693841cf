using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// Turns one binding the worker reported (the Functions binding schema: <c>type</c>, <c>direction</c>, <c>name</c> and the
/// binding's own properties) into a typed binding, resolving <c>%Setting%</c> in names and paths.
/// </summary>
internal sealed class BindingReader(string function, AppSettings settings, List<string> problems)
{
    private static readonly string[] AllMethods = ["get", "post", "put", "patch", "delete", "head", "options", "trace"];

    public TriggerBinding? Trigger(string type, JsonNode binding)
    {
        var name = binding.Text("name") ?? "";
        switch (type.ToLowerInvariant())
        {
            case "httptrigger":
                var methods = binding.Child("methods") is JsonArray list && list.Count > 0
                    ? list.Select(m => (m?.GetValue<string>() ?? "").ToLowerInvariant()).ToList()
                    : AllMethods.ToList();
                return new HttpTriggerBinding(name, binding.Text("route") ?? function, methods);
            case "queuetrigger":
                return Resolved(binding, "queueName") is { } queue
                    ? new QueueTriggerBinding(name, queue.ToLowerInvariant(), Connection(binding), IsBinary(binding))
                    : null;
            case "timertrigger":
                if (Resolved(binding, "schedule") is not { } expression)
                {
                    return null;
                }

                var schedule = TimerSchedule.Parse(expression, out var problem);
                if (schedule is null)
                {
                    problems.Add($"{function}: {problem}");
                    return null;
                }

                // The script host monitors schedules unless told not to (docs/local-host.md, Timer triggers).
                return new TimerTriggerBinding(name, schedule, binding.Flag("runOnStartup") ?? false, binding.Flag("useMonitor") ?? true);
            case "blobtrigger":
                return BlobTrigger(name, binding);
            default:
                problems.Add($"{function}: the local host does not support '{type}' triggers.");
                return null;
        }
    }

    public OutputBinding? Output(string type, JsonNode binding)
    {
        var name = binding.Text("name") ?? "";
        switch (type.ToLowerInvariant())
        {
            case "http":
                return new HttpOutputBinding(name);
            case "queue":
                return Resolved(binding, "queueName") is { } queue
                    ? new QueueOutputBinding(name, queue.ToLowerInvariant(), Connection(binding), IsBinary(binding))
                    : null;
            case "blob":
                // The Worker SDK's metadata names a blob output's path "blobPath" (the binding schema's own name is "path").
                return Resolved(binding, binding.Text("path") is null && binding.Text("blobPath") is not null ? "blobPath" : "path") is { } path
                    ? new BlobOutputBinding(name, path, Connection(binding), IsBinary(binding))
                    : null;
            default:
                problems.Add($"{function}: the local host does not support '{type}' output bindings.");
                return null;
        }
    }

    private BlobTriggerBinding? BlobTrigger(string name, JsonNode binding)
    {
        if (!string.Equals(binding.Text("source"), "EventGrid", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{function}: blob triggers need \"source\": \"EventGrid\" (BlobTriggerSource.EventGrid); the polling blob trigger is not supported.");
            return null;
        }

        if (Resolved(binding, "path") is not { } path)
        {
            return null;
        }

        if (path.Split('/', 2) is not [{ Length: > 0 } container, { Length: > 0 } blob] || container.Contains('{', StringComparison.Ordinal))
        {
            problems.Add($"{function}: blob trigger path '{path}' is not 'container/blob pattern' with a fixed container name.");
            return null;
        }

        var pattern = BlobNamePattern.Parse(blob, out var problem);
        if (pattern is null)
        {
            problems.Add($"{function}: blob trigger path '{path}': {problem}");
            return null;
        }

        return new BlobTriggerBinding(name, container.ToLowerInvariant(), pattern, Connection(binding));
    }

    private string? Resolved(JsonNode binding, string property)
    {
        var raw = binding.Text(property);
        if (string.IsNullOrWhiteSpace(raw))
        {
            problems.Add($"{function}: binding '{binding.Text("name")}' has no '{property}'.");
            return null;
        }

        var value = settings.Resolve(raw, out var missing);
        if (value is null)
        {
            problems.Add($"{function}: '{property}' refers to the app setting '{missing}', which is not set.");
        }

        return value;
    }

    private static string Connection(JsonNode binding) => binding.Text("connection") is { Length: > 0 } c ? c : AppFolder.DefaultConnection;

    private static bool IsBinary(JsonNode binding) => string.Equals(binding.Text("dataType"), "binary", StringComparison.OrdinalIgnoreCase);
}
