using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Blobs;
using FuncLabel.LocalHost.Handler;
using FuncLabel.LocalHost.Http;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Queues;
using FuncLabel.LocalHost.Storage;
using FuncLabel.LocalHost.Timers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FuncLabel.LocalHost;

/// <summary>
/// One running local Functions host: the handler process, the HTTP front door, a listener per queue and timer
/// function, and the blob watcher when the app folder has a <c>blobwatcher.json</c>. Started in the real host's order (handler ready first, then HTTP, then triggers) and stopped in reverse,
/// letting running invocations finish so that no successful queue message is left to run twice.
/// </summary>
internal sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly List<QueueListener> _queues;
    private readonly List<TimerListener> _timers;
    private readonly BlobWatcher? _watcher;
    private readonly LocalHostOptions _options;
    private readonly IDisposable _activity;
    private readonly SharedAccountCheck _sharedAccount;
    private bool _stopped;

    private LocalFunctionsHost(
        WebApplication web, HandlerProcess handler, Uri httpAddress, List<QueueListener> queues, List<TimerListener> timers,
        BlobWatcher? watcher, LocalHostOptions options, StorageAccounts storage, string hostId, QueueActivity activity, IDisposable activityRegistration,
        SharedAccountCheck sharedAccount)
    {
        _web = web;
        Handler = handler;
        HttpAddress = httpAddress;
        _queues = queues;
        _timers = timers;
        _watcher = watcher;
        _options = options;
        Storage = storage;
        HostId = hostId;
        Activity = activity;
        _activity = activityRegistration;
        _sharedAccount = sharedAccount;
    }

    public HandlerProcess Handler { get; }

    /// <summary>Where HTTP functions are served, e.g. <c>http://localhost:7071/</c>.</summary>
    public Uri HttpAddress { get; }

    public StorageAccounts Storage { get; }

    public string HostId { get; }

    public QueueActivity Activity { get; }

    /// <summary>What would stop the app from running: storage connections its bindings name that are not set or not valid.</summary>
    public static IReadOnlyList<string> Validate(AppFolder app, AppSettings settings)
    {
        var storage = new StorageAccounts(settings);
        var problems = new List<string>();
        foreach (var function in app.Functions)
        {
            var connections = function.Outputs.Select(o => o switch
                {
                    QueueOutputBinding q => q.Connection,
                    BlobOutputBinding b => b.Connection,
                    _ => null,
                })
                .Append(function.Trigger switch
                {
                    QueueTriggerBinding q => q.Connection,
                    TimerTriggerBinding { UseMonitor: true } => AppFolder.DefaultConnection,
                    _ => null,
                })
                .OfType<string>()
                .Distinct(StringComparer.OrdinalIgnoreCase);
            foreach (var connection in connections)
            {
                CheckConnection(storage, connection, function.Name, problems);
            }
        }

        foreach (var subscription in app.Watcher?.Subscriptions ?? [])
        {
            CheckConnection(storage, subscription.Connection, $"blob watcher subscription '{subscription.Name}'", problems);
        }

        return problems;
    }

    private static void CheckConnection(StorageAccounts storage, string connection, string user, List<string> problems)
    {
        if (storage.ConnectionString(connection) is null)
        {
            problems.Add($"{user}: the storage connection '{connection}' is not set (app setting '{connection}').");
            return;
        }

        try
        {
            storage.Queues(connection);
        }
        catch (FormatException e)
        {
            problems.Add($"{user}: the storage connection '{connection}' is not valid: {e.Message}");
        }
    }

    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        var app = options.App;
        var web = BuildWeb(options);
        var loggers = web.Services.GetRequiredService<ILoggerFactory>();
        var handler = new HandlerProcess(HandlerLaunch.From(app, options.Settings), loggers);
        try
        {
            await handler.StartAsync(cancellationToken);
            web.MapHttpFunctions(app, handler, app.Host.FunctionTimeout);
            web.MapFallback(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
            await web.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is HandlerStartException or OperationCanceledException or IOException)
        {
            await handler.DisposeAsync();
            await web.DisposeAsync();
            throw;
        }

        var httpAddress = ListeningAddress(web, options.Port);
        Console.Out.Write(FunctionListing.Format(app, httpAddress));

        var storage = new StorageAccounts(options.Settings);
        var hostId = HostIdentity.For(app, options.Settings);
        var activity = new QueueActivity();
        var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var outputs = new OutputWriter(storage, app.Host.Queues, activity, options.Time);
        var executor = new FunctionExecutor(handler, http, outputs, app.Host.FunctionTimeout, loggers);
        var random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        var queues = app.Functions
            .Where(f => f.Trigger is QueueTriggerBinding)
            .Select(f => new QueueListener(f, storage.Queues(((QueueTriggerBinding)f.Trigger).Connection), app.Host.Queues, executor, options.Time, loggers, new Random(random.Next())))
            .ToList();
        var registrations = queues.Select(q => activity.Watch(q.QueueName, q.Wake)).ToList();
        var monitor = app.Functions.Any(f => f.Trigger is TimerTriggerBinding { UseMonitor: true })
            ? new ScheduleStatusStore(storage.Blobs(AppFolder.DefaultConnection), hostId)
            : null;
        var timers = app.Functions
            .Where(f => f.Trigger is TimerTriggerBinding)
            .Select(f => new TimerListener(f, monitor, executor, options.Time, loggers))
            .ToList();

        var watcher = app.Watcher is { } watcherConfig
            ? new BlobWatcher(watcherConfig, storage, hostId, activity, options.Time, loggers)
            : null;
        var polled = queues.Select(q => q.QueueName).Concat(watcher?.Config.Subscriptions.Select(s => s.Queue) ?? []);
        var sharedAccount = new SharedAccountCheck(storage.Blobs(AppFolder.DefaultConnection), hostId, polled, options.Time, loggers);
        var host = new LocalFunctionsHost(web, handler, httpAddress, queues, timers, watcher, options, storage, hostId, activity, new Registrations(registrations), sharedAccount);
        await sharedAccount.StartAsync(cancellationToken);
        foreach (var queue in queues)
        {
            await queue.StartAsync(cancellationToken);
        }

        foreach (var timer in timers)
        {
            await timer.StartAsync(cancellationToken);
        }

        if (watcher is not null)
        {
            if (options.ForgetReceipts)
            {
                var forgotten = await watcher.ForgetReceiptsAsync(cancellationToken);
                loggers.CreateLogger("Host.BlobWatcher").LogInformation("Forgot {Count} blob receipt(s): existing blobs are announced again", forgotten);
            }

            await watcher.StartAsync(cancellationToken);
        }

        loggers.CreateLogger("Host").LogInformation("Host started (id {HostId}); HTTP on {Address}", hostId, httpAddress);
        return host;
    }

    /// <summary>Stops triggers (draining running invocations up to the drain timeout), then HTTP, then the handler.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        drain.CancelAfter(_options.DrainTimeout);
        if (_watcher is not null)
        {
            await _watcher.StopAsync();
        }

        await Task.WhenAll(_queues.Select(q => q.StopAsync(drain.Token)).Concat(_timers.Select(t => t.StopAsync(drain.Token))));
        _activity.Dispose();
        await _sharedAccount.DisposeAsync();
        await _web.StopAsync(cancellationToken);
        await Handler.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        await Handler.DisposeAsync();
        await _web.DisposeAsync();
    }

    private static WebApplication BuildWeb(LocalHostOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.App.Root, Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddFilter("Yarp", LogLevel.Warning);
        builder.Logging.AddFilter("Azure", LogLevel.Warning);
        builder.Services.AddHttpForwarder();
        // The caller owns Ctrl+C / SIGTERM (the CLI registers its own handlers from the start; tests stop hosts themselves).
        builder.Services.AddSingleton<IHostLifetime, ManualLifetime>();

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // The Functions host's default request size limit (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT overrides it).
            kestrel.Limits.MaxRequestBodySize = options.Settings.Get("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT") is { } limit && long.TryParse(limit, out var bytes)
                ? bytes
                : 100L * 1024 * 1024;
            if (options.Port == 0)
            {
                kestrel.Listen(System.Net.IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(options.Port);
            }
        });
        return builder.Build();
    }

    private static Uri ListeningAddress(WebApplication web, int port)
    {
        if (port != 0)
        {
            return new Uri($"http://localhost:{port}/");
        }

        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>A host lifetime without Ctrl+C or SIGTERM handling: whoever started the host stops it.</summary>
    private sealed class ManualLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class Registrations(IReadOnlyList<IDisposable> items) : IDisposable
    {
        public void Dispose()
        {
            foreach (var item in items)
            {
                item.Dispose();
            }
        }
    }
}
