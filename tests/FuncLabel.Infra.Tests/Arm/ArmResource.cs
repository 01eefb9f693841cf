using System.Text.Json.Nodes;

namespace FuncLabel.Infra.Tests.Arm;

/// <summary>A resource a template would deploy, with its name and body evaluated (see <see cref="ArmScope"/>).</summary>
internal sealed record ArmResource(string Type, string Name, JsonObject Body)
{
    /// <summary>The last segment of a child resource's name (<c>account/default/task-events</c> → <c>task-events</c>).</summary>
    public string LeafName => Name[(Name.LastIndexOf('/') + 1)..];

    /// <summary>A value at a dotted path of the body, e.g. <c>properties.resource.id</c>.</summary>
    public JsonNode? At(string path) =>
        path.Split('.').Aggregate<string, JsonNode?>(Body, (node, key) => node is JsonObject obj ? obj[key] : null);

    public string? TextAt(string path) => At(path) is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
