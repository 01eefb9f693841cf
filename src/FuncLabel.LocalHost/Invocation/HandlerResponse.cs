using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// The handler's answer to an invocation (docs/local-host.md, Handler response and outputs):
/// <c>{ "Outputs": {…}, "Logs": [...], "ReturnValue": … }</c>, every member optional, names matched case-insensitively like the host's Newtonsoft reader.
/// </summary>
internal sealed record HandlerResponse(JsonObject Outputs, IReadOnlyList<string> Logs, JsonNode? ReturnValue)
{
    /// <summary>Parses the body; null with a reason when it is not a JSON object of that shape.</summary>
    public static HandlerResponse? Parse(string body, out string? problem)
    {
        problem = null;
        JsonNode? root;
        try
        {
            root = string.IsNullOrWhiteSpace(body) ? new JsonObject() : JsonNode.Parse(body);
        }
        catch (JsonException e)
        {
            problem = $"the response is not JSON ({e.Message})";
            return null;
        }

        if (root is not JsonObject)
        {
            problem = "the response is not a JSON object";
            return null;
        }

        var outputs = root.Child("Outputs");
        if (outputs is not null and not JsonObject)
        {
            problem = "'Outputs' is not an object";
            return null;
        }

        var logs = new List<string>();
        switch (root.Child("Logs"))
        {
            case null:
                break;
            case JsonArray array:
                logs.AddRange(array.Select(l => l is JsonValue v && v.TryGetValue<string>(out var s) ? s : l?.ToJsonString() ?? "null"));
                break;
            default:
                problem = "'Logs' is not an array";
                return null;
        }

        return new HandlerResponse((JsonObject?)outputs?.DeepClone() ?? new JsonObject(), logs, root.Child("ReturnValue")?.DeepClone());
    }

    /// <summary>The value the handler gave for output binding <paramref name="name"/> (<c>$return</c> is <c>ReturnValue</c>).</summary>
    public JsonNode? ValueFor(string name) =>
        name == "$return" ? ReturnValue : Outputs.Child(name);
}
