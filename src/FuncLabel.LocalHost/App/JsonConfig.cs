using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// Case-insensitive reads from host.json, worker.config.json, local.settings.json and the worker's binding metadata.
/// The Functions host binds these through .NET configuration, which ignores the case of keys, so <c>BatchSize</c> and
/// <c>batchSize</c> both work.
/// </summary>
internal static class JsonConfig
{
    public static readonly JsonDocumentOptions Lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads a configuration file leniently; a file that is not JSON adds a problem and answers false.</summary>
    public static bool TryReadFile(string path, List<string> problems, out JsonNode? root)
    {
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: Lenient);
            return true;
        }
        catch (JsonException e)
        {
            problems.Add($"{path} is not valid JSON: {e.Message}");
            root = null;
            return false;
        }
    }

    public static JsonNode? Child(this JsonNode? node, string name)
    {
        if (node is not JsonObject obj)
        {
            return null;
        }

        foreach (var (key, value) in obj)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>A scalar as text (strings as is, numbers and booleans as written); null for absent, null or structured values.</summary>
    public static string? Text(this JsonNode? node, string name) =>
        node.Child(name) is JsonValue value
            ? value.GetValueKind() switch
            {
                JsonValueKind.String => value.GetValue<string>(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
                _ => null,
            }
            : null;

    public static bool? Flag(this JsonNode? node, string name) =>
        node.Text(name) is { } text && bool.TryParse(text, out var flag) ? flag : null;

    public static int? Integer(this JsonNode? node, string name) =>
        node.Text(name) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;

    /// <summary>A <c>hh:mm:ss</c> (or <c>d.hh:mm:ss</c>) duration, the form host.json uses.</summary>
    public static TimeSpan? Duration(this JsonNode? node, string name) =>
        node.Text(name) is { } text && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) ? span : null;
}
