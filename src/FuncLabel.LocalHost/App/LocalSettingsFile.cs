using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// <c>local.settings.json</c> as Core Tools reads it: <c>Values</c> (app settings: strings, numbers and booleans
/// taken as text) and <c>Host.LocalHttpPort</c>. Secrets live here, so the repo ignores the file.
/// </summary>
internal sealed record LocalSettingsFile(IReadOnlyDictionary<string, string> Values, int? LocalHttpPort)
{
    public static readonly LocalSettingsFile Empty = new(new Dictionary<string, string>(), null);

    /// <summary>Reads <paramref name="path"/>; a missing file is an empty one, malformed JSON is reported as <paramref name="problem"/>.</summary>
    public static LocalSettingsFile Read(string path, out string? problem)
    {
        problem = null;
        if (!File.Exists(path))
        {
            return Empty;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: JsonConfig.Lenient);
        }
        catch (JsonException e)
        {
            problem = $"{path} is not valid JSON: {e.Message}";
            return Empty;
        }

        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.Child("Values") is JsonObject settings)
        {
            foreach (var (name, _) in settings)
            {
                if (settings.Text(name) is { } value)
                {
                    values[name] = value;
                }
            }
        }

        return new LocalSettingsFile(values, root.Child("Host").Integer("LocalHttpPort"));
    }
}
