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

    public static string For(AppFolder app, AppSettings settings)
    {
        var configured = app.Host.HostId ?? settings.Get("AzureFunctionsWebHost__hostid");
        return Sanitize(configured ?? "local-" + Path.GetFileName(app.Root.TrimEnd(Path.DirectorySeparatorChar)));
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
