using System.Globalization;

namespace FuncLabel.LocalHost;

/// <summary>
/// <c>FuncLabel.LocalHost [--script-root DIR] [--port N] [--settings FILE] [--watcher-only [--blob-webhook URL] [--blob-webhook-code KEY]] [--forget-receipts]</c>. The script root defaults to the current
/// folder (like <c>func start</c>), settings to <c>local.settings.json</c> in it, the port to its <c>Host.LocalHttpPort</c>
/// or 7071.
/// </summary>
internal sealed record CommandLine(string ScriptRoot, int? Port, string? SettingsFile, bool WatcherOnly, bool ForgetReceipts)
{
    /// <summary>The Functions host whose blob webhook receives the watcher's function deliveries in watcher-only mode.</summary>
    public static readonly Uri DefaultBlobWebhook = new("http://localhost:7071/");

    /// <summary>With <c>--watcher-only</c>: the base address of the host whose blob webhook (<c>{base}runtime/webhooks/blobs</c>) gets the events.</summary>
    public Uri BlobWebhook { get; init; } = DefaultBlobWebhook;

    /// <summary>With <c>--watcher-only</c>: the <c>code</c> query value (the host's <c>blobs_extension</c> system key).</summary>
    public string? BlobWebhookCode { get; init; }

    public const string Usage = """
        FuncLabel local Functions host: runs a built .NET isolated worker app folder (the dotnet publish output: host.json,
        worker.config.json, the app's assemblies) against Azurite.

        Usage: FuncLabel.LocalHost [--script-root DIR] [--port N] [--settings FILE] [--forget-receipts]
               FuncLabel.LocalHost --watcher-only [--script-root DIR] [--settings FILE] [--blob-webhook URL] [--blob-webhook-code KEY]
          --script-root DIR   the app folder (default: the current folder)
          --port N            HTTP port (default: local.settings.json Host.LocalHttpPort, else 7071)
          --settings FILE     app settings file (default: DIR/local.settings.json); the environment overrides its Values
          --watcher-only      run only the blob watcher of DIR/blobwatcher.json (next to `func start --script-root DIR`)
          --forget-receipts   announce blobs already in storage again (the watcher's receipts are deleted at start)
          --blob-webhook URL  with --watcher-only: the blob webhook receiving blob-trigger events, or its host's base address
                              (default http://localhost:7071/runtime/webhooks/blobs)
          --blob-webhook-code KEY  with --watcher-only: the code query value of those posts (the blobs_extension system key)
        """;

    /// <summary>
    /// The base address of a host from <c>--blob-webhook</c>: either the webhook itself
    /// (<c>http://localhost:7071/runtime/webhooks/blobs</c>, as Core Tools print it) or the host's base address.
    /// </summary>
    private static Uri? WebhookBase(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Query.Length > 0)
        {
            return null;
        }

        var path = url.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(Blobs.BlobWebhookEndpoint.Path, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^Blobs.BlobWebhookEndpoint.Path.Length];
        }

        return new UriBuilder(url) { Path = path + "/" }.Uri;
    }

    /// <summary>Parses <paramref name="args"/>; null with <paramref name="error"/> set when they are not understood (or help was asked).</summary>
    public static CommandLine? Parse(string[] args, out string? error)
    {
        error = null;
        string scriptRoot = Directory.GetCurrentDirectory();
        int? port = null;
        string? settings = null;
        var watcherOnly = false;
        var forgetReceipts = false;
        var webhook = DefaultBlobWebhook;
        string? webhookCode = null;
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
                case "--blob-webhook" when value is not null && WebhookBase(value) is { } url:
                    webhook = url;
                    i++;
                    break;
                case "--blob-webhook-code" when value is not null:
                    webhookCode = value;
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

        return new CommandLine(Path.GetFullPath(scriptRoot), port, settings, watcherOnly, forgetReceipts)
        {
            BlobWebhook = webhook,
            BlobWebhookCode = webhookCode,
        };
    }
}
