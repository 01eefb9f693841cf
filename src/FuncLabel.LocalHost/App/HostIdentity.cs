using System.Text;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// The host id that names this app's state in storage (timer status blobs, blob-watcher receipts): host.json <c>id</c>,
/// else the <c>AzureFunctionsWebHost__hostid</c> setting (the real host's override), else derived from the app
/// folder's name — lower-case letters, digits and dashes, at most 32 characters, as the Functions host requires.
/// </summary>
internal static class HostIdentity
{
    public const int MaxLength = 32;

    public static string For(AppFolder app, AppSettings settings) => For(app.Root, app.Host.HostId, settings);

    /// <summary>The same id for a folder whose host.json is read only for its <c>id</c> (the watcher-only mode).</summary>
    public static string ForFolder(string root, AppSettings settings)
    {
        var hostJson = Path.Combine(root, "host.json");
        string? id = null;
        if (File.Exists(hostJson))
        {
            try
            {
                id = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(hostJson), documentOptions: JsonConfig.Lenient).Text("id");
            }
            catch (System.Text.Json.JsonException)
            {
                // Unreadable host.json: fall back to the folder-derived id.
            }
        }

        return For(root, id, settings);
    }

    private static string For(string root, string? hostJsonId, AppSettings settings)
    {
        var configured = hostJsonId ?? settings.Get("AzureFunctionsWebHost__hostid");
        return Sanitize(configured ?? "local-" + Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)));
    }

    public static string Sanitize(string text)
    {
        var id = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            id.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var result = id.ToString().Trim('-');
        result = result.Length > MaxLength ? result[..MaxLength].TrimEnd('-') : result;
        return result.Length == 0 ? "local" : result;
    }
}
