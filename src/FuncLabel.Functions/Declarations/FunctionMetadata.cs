using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.Functions.Declarations;

/// <summary>
/// Makes the Functions host's metadata from the declarations: one <c>{Name}/function.json</c> per function
/// (docs/local-host.md, The host behaviour it copies). Run by <c>scripts/build-app.sh</c> through
/// <c>FuncLabel.Functions --write-function-metadata DIR</c>, so the deployable folder and the handler's
/// routes come from the same list.
/// </summary>
public static class FunctionMetadata
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject FunctionJson(FunctionDeclaration function) => new()
    {
        ["bindings"] = function.Trigger switch
        {
            HttpCatchAllTrigger http => new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = http.BindingName,
                    ["authLevel"] = "anonymous",
                    ["route"] = HttpCatchAllTrigger.Route,
                    ["methods"] = new JsonArray(HttpCatchAllTrigger.Methods.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray()),
                },
                // Only the $return http output: anything more and the host stops forwarding the raw request.
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "$return" }),
            QueueTrigger queue => new JsonArray(new JsonObject
            {
                ["type"] = "queueTrigger",
                ["direction"] = "in",
                ["name"] = queue.BindingName,
                ["queueName"] = queue.QueueName,
                ["connection"] = queue.Connection,
                // Binary: the message reaches us base64 in the payload, byte-exact, with no quoting ambiguity.
                ["dataType"] = "binary",
            }),
            TimerTrigger timer => new JsonArray(new JsonObject
            {
                ["type"] = "timerTrigger",
                ["direction"] = "in",
                ["name"] = timer.BindingName,
                ["schedule"] = timer.Schedule,
                ["runOnStartup"] = timer.RunOnStartup,
                ["useMonitor"] = timer.UseMonitor,
            }),
            _ => throw new NotSupportedException($"No function.json for trigger {function.Trigger.GetType().Name}."),
        },
    };

    /// <summary>Writes every <c>{Name}/function.json</c> under <paramref name="appFolder"/>, removing folders of functions no longer declared.</summary>
    public static void Write(string appFolder, IReadOnlyList<FunctionDeclaration> functions)
    {
        Directory.CreateDirectory(appFolder);
        var declared = functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateDirectories(appFolder)
                     .Where(d => File.Exists(Path.Combine(d, "function.json")) && !declared.Contains(Path.GetFileName(d))))
        {
            Directory.Delete(stale, recursive: true);
        }

        foreach (var function in functions)
        {
            var folder = Path.Combine(appFolder, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), FunctionJson(function).ToJsonString(Indented) + "\n");
        }
    }
}
