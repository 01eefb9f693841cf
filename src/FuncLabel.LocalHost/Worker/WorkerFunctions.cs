using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// The function definitions of a worker app: each function the worker reported, read from its <c>raw_bindings</c>
/// (<see cref="FunctionReader"/>: <c>%Setting%</c> resolution, supported triggers and outputs). Functions disabled with <c>AzureWebJobs.&lt;Name&gt;.Disabled</c> are left out, and a blob
/// watcher subscription must name one of the app's Event Grid blob triggers.
/// </summary>
internal static class WorkerFunctions
{
    public static AppFolder Resolve(AppFolder app, IReadOnlyList<RpcFunctionMetadata> reported, AppSettings settings, List<string> problems)
    {
        var functions = new List<FunctionDefinition>();
        foreach (var metadata in reported.OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (FunctionReader.IsDisabledBySetting(metadata.Name, settings))
            {
                continue;
            }

            var bindings = new List<JsonNode>();
            foreach (var raw in metadata.RawBindings)
            {
                try
                {
                    bindings.Add(JsonNode.Parse(raw, documentOptions: JsonConfig.Lenient) ?? throw new JsonException("null binding"));
                }
                catch (JsonException e)
                {
                    problems.Add($"{metadata.Name}: the worker reported a binding that is not JSON ({e.Message}).");
                }
            }

            if (FunctionReader.Read(metadata.Name, bindings, settings, problems) is { } function)
            {
                functions.Add(function);
            }
        }

        foreach (var subscription in app.Watcher?.Subscriptions.Where(s => s.Function is not null) ?? [])
        {
            if (!functions.Any(f => f.Trigger is BlobTriggerBinding && string.Equals(f.Name, subscription.Function, StringComparison.OrdinalIgnoreCase)))
            {
                problems.Add($"blob watcher subscription '{subscription.Name}': '{subscription.Function}' is not an Event Grid blob-triggered function of this app.");
            }
        }

        return app with { Functions = functions };
    }
}
