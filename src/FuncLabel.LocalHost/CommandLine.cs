using System.Globalization;

namespace FuncLabel.LocalHost;

/// <summary>
/// <c>FuncLabel.LocalHost [--script-root DIR] [--port N] [--settings FILE] [--watcher-only] [--forget-receipts]</c>. The script root defaults to the current
/// folder (like <c>func start</c>), settings to <c>local.settings.json</c> in it, the port to its <c>Host.LocalHttpPort</c>
/// or 7071.
/// </summary>
internal sealed record CommandLine(string ScriptRoot, int? Port, string? SettingsFile, bool WatcherOnly, bool ForgetReceipts)
{
    public const string Usage = """
        FuncLabel local Functions host: runs a built app folder (host.json + <Function>/function.json + handler) against Azurite.

        Usage: FuncLabel.LocalHost [--script-root DIR] [--port N] [--settings FILE] [--watcher-only] [--forget-receipts]
          --script-root DIR   the app folder (default: the current folder)
          --port N            HTTP port (default: local.settings.json Host.LocalHttpPort, else 7071)
          --settings FILE     app settings file (default: DIR/local.settings.json); the environment overrides its Values
          --watcher-only      run only the blob watcher of DIR/blobwatcher.json (next to `func start --script-root DIR`)
          --forget-receipts   announce blobs already in storage again (the watcher's receipts are deleted at start)
        """;

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are not understood (or help was asked).</summary>
    public static CommandLine? Parse(string[] args, out string? error)
    {
        error = null;
        string scriptRoot = Directory.GetCurrentDirectory();
        int? port = null;
        string? settings = null;
        var watcherOnly = false;
        var forgetReceipts = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--script-root" when value is not null:
                    scriptRoot = value;
                    i++;
                    break;
                case "--port" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number <= 65535:
                    port = number;
                    i++;
                    break;
                case "--settings" when value is not null:
                    settings = value;
                    i++;
                    break;
                case "--forget-receipts":
                    forgetReceipts = true;
                    break;
                case "--watcher-only":
                    watcherOnly = true;
                    break;
                case "-h" or "--help":
                    error = Usage;
                    return null;
                default:
                    error = $"Unknown or incomplete argument '{args[i]}'.\n\n{Usage}";
                    return null;
            }
        }

        return new CommandLine(Path.GetFullPath(scriptRoot), port, settings, watcherOnly, forgetReceipts);
    }
}
