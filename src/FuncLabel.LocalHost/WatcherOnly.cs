using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Blobs;
using FuncLabel.LocalHost.Queues;
using FuncLabel.LocalHost.Storage;

namespace FuncLabel.LocalHost;

/// <summary>
/// <c>--watcher-only</c>: just the blob watcher, for when Azure Functions Core Tools run the app
/// (<c>func start --script-root DIR</c>) and only the Event Grid stand-in is missing. Subscriptions that deliver to a
/// function post to that host's blob webhook (<c>--blob-webhook</c>, default <c>http://localhost:7071/</c>, with
/// <c>--blob-webhook-code</c> as the <c>code</c>). Stops on Ctrl+C or SIGTERM.
/// </summary>
internal static class WatcherOnly
{
    public static async Task<int> RunAsync(string scriptRoot, AppSettings settings, Uri webhookBase, string? webhookCode, CancellationToken cancellationToken)
    {
        var path = Path.Combine(scriptRoot, BlobWatcherConfig.FileName);
        if (!File.Exists(path))
        {
            Console.Error.WriteLine($"{path} does not exist: nothing to watch.");
            return 1;
        }

        var problems = new List<string>();
        var config = BlobWatcherConfig.Read(path, settings, problems);
        var storage = new StorageAccounts(settings);
        if (config is null || problems.Count > 0 || config.Subscriptions.Any(s => storage.ConnectionString(s.Connection) is null))
        {
            Console.Error.WriteLine($"{path} cannot run: " + string.Join("; ", problems.DefaultIfEmpty("a subscription's storage connection is not set")));
            return 1;
        }

        using var loggers = LoggerFactory.Create(logging => logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        }).AddFilter("Azure", LogLevel.Warning));
        var hostId = HostIdentity.ForFolder(scriptRoot, settings);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var webhook = config.Subscriptions.Any(s => s.Function is not null) ? new BlobWebhookClient(http, webhookBase, webhookCode) : null;
        var watcher = new BlobWatcher(config, storage, hostId, new QueueActivity(), TimeProvider.System, loggers, webhook);
        await watcher.StartAsync(cancellationToken);
        Console.Out.WriteLine($"Blob watcher running (host id {hostId}, {config.Subscriptions.Count} subscription(s)). Press Ctrl+C to stop.");
        await Task.Delay(Timeout.Infinite, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        await watcher.StopAsync();
        return 0;
    }
}
