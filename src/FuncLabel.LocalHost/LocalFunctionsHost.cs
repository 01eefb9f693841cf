using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Blobs;
using FuncLabel.LocalHost.Http;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Queues;
using FuncLabel.LocalHost.Storage;
using FuncLabel.LocalHost.Timers;
using FuncLabel.LocalHost.Worker;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FuncLabel.LocalHost;

/// <summary>
/// One running local Functions host: the app's .NET isolated worker (over its gRPC protocol), the HTTP front door, a
/// listener per queue and timer function, the blob webhook with the blob trigger's internal queue, and the blob watcher
/// when the app folder has a <c>blobwatcher.json</c>. Started in the real host's order (worker ready first, then HTTP,
/// then triggers) and stopped in reverse, letting running invocations finish so that no successful queue message is
/// left to run twice. A start that fails part-way stops what it started, the worker included.
/// </summary>
internal sealed class LocalFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _web;
    private readonly List<QueueListener> _queues;
    private readonly List<TimerListener> _timers;
    private readonly BlobWatcher? _watcher;
    private readonly LocalHostOptions _options;
    private readonly IDisposable _activity;
    private readonly WorkerRpcServer _rpc;
    private readonly ILoggerFactory _loggers;
    private readonly SharedAccountCheck _sharedAccount;
    private bool _stopped;

    private LocalFunctionsHost(Started started, List<QueueListener> queues, List<TimerListener> timers, BlobWatcher? watcher,
        LocalHostOptions options, StorageAccounts storage, string hostId, QueueActivity activity, IDisposable activityRegistration,
        SharedAccountCheck sharedAccount)
    {
        _web = started.Web;
        Worker = started.Worker;
        _rpc = started.Rpc;
        _loggers = started.Loggers;
        App = started.App;
        HttpAddress = started.HttpAddress;
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

    /// <summary>The app's isolated worker.</summary>
    public WorkerHost Worker { get; }

    /// <summary>The app with its functions, as the worker reported them.</summary>
    public AppFolder App { get; }

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
                    BlobTriggerBinding b => b.Connection,
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

        // Blob triggers run from the blob extension's internal queue in the host's own account.
        if (app.Functions.Any(f => f.Trigger is BlobTriggerBinding))
        {
            CheckConnection(storage, AppFolder.DefaultConnection, "blob triggers' queue", problems);
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

    /// <summary>
    /// Starts the host. Throws <see cref="WorkerStartException"/> when the worker cannot start,
    /// <see cref="AppProblemsException"/> when its functions cannot run as configured, <see cref="IOException"/> when the
    /// HTTP port is taken.
    /// </summary>
    public static async Task<LocalFunctionsHost> StartAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        var started = await StartCoreAsync(options, cancellationToken);
        LocalFunctionsHost? host = null;
        var done = false;
        try
        {
            host = Create(started, options);
            await host.StartListenersAsync(cancellationToken);
            done = true;
            return host;
        }
        finally
        {
            // A trigger that cannot start (storage down, a stop during start-up) must not leave the worker running.
            if (!done)
            {
                if (host is not null)
                {
                    await host.DisposeAsync();
                }
                else
                {
                    await StopStartedAsync(started.Web, started.Worker, started.Rpc);
                    started.Loggers.Dispose();
                }
            }
        }
    }

    /// <summary>The host with the listeners of the queue, timer and blob triggers, the shared-account check and the blob watcher, not yet started.</summary>
    private static LocalFunctionsHost Create(Started started, LocalHostOptions options)
    {
        var app = started.App;
        var loggers = started.Loggers;
        Console.Out.Write(FunctionListing.Format(app, started.HttpAddress));

        var hostId = HostIdentity.For(app, options.Settings);
        var random = options.RandomSeed is { } seed ? new Random(seed) : new Random();
        var queues = app.Functions
            .Where(f => f.Trigger is QueueTriggerBinding)
            .Select(f => QueueListener.ForFunction(f, started.Storage.Queues(((QueueTriggerBinding)f.Trigger).Connection), app.Host.Queues, started.Invoker, options.Time, loggers, new Random(random.Next())))
            .ToList();
        if (started.BlobTriggers is { } blobTriggers)
        {
            queues.Add(blobTriggers.Listener(app, started.Invoker, new BlobTriggerProperties(started.Storage), options.Time, loggers, new Random(random.Next())));
        }

        var registrations = queues.Select(q => started.Activity.Watch(q.QueueName, q.Wake)).ToList();
        var monitor = app.Functions.Any(f => f.Trigger is TimerTriggerBinding { UseMonitor: true })
            ? new ScheduleStatusStore(started.Storage.Blobs(AppFolder.DefaultConnection), hostId)
            : null;
        var timers = app.Functions
            .Where(f => f.Trigger is TimerTriggerBinding)
            .Select(f => new TimerListener(f, monitor, started.Invoker, options.Time, loggers))
            .ToList();

        var webhook = app.Watcher?.Subscriptions.Any(s => s.Function is not null) == true
            ? new BlobWebhookClient(new HttpClient { Timeout = Timeout.InfiniteTimeSpan }, started.HttpAddress, code: null)
            : null;
        var watcher = app.Watcher is { } watcherConfig
            ? new BlobWatcher(watcherConfig, started.Storage, hostId, started.Activity, options.Time, loggers, webhook)
            : null;
        // Queues the host polls or feeds, and the containers its watcher scans for blob triggers.
        var polled = queues.Select(q => q.QueueName)
            .Concat(watcher?.Config.Subscriptions.Select(s => s.Queue ?? "container:" + s.Container) ?? []);
        var sharedAccount = new SharedAccountCheck(started.Storage.Blobs(AppFolder.DefaultConnection), hostId, polled, options.Time, loggers);
        return new LocalFunctionsHost(started, queues, timers, watcher, options, started.Storage, hostId, started.Activity, new Registrations(registrations), sharedAccount);
    }

    private async Task StartListenersAsync(CancellationToken cancellationToken)
    {
        await _sharedAccount.StartAsync(cancellationToken);
        foreach (var queue in _queues)
        {
            await queue.StartAsync(cancellationToken);
        }

        foreach (var timer in _timers)
        {
            await timer.StartAsync(cancellationToken);
        }

        if (_watcher is not null)
        {
            if (_options.ForgetReceipts)
            {
                var forgotten = await _watcher.ForgetReceiptsAsync(cancellationToken);
                _loggers.CreateLogger("Host.BlobWatcher").LogInformation("Forgot {Count} blob receipt(s): existing blobs are announced again", forgotten);
            }

            await _watcher.StartAsync(cancellationToken);
        }

        _loggers.CreateLogger("Host").LogInformation("Host started (id {HostId}); HTTP on {Address}", HostId, HttpAddress);
    }

    /// <summary>The worker, then the HTTP front door; everything started is stopped again if a step fails.</summary>
    private static async Task<Started> StartCoreAsync(LocalHostOptions options, CancellationToken cancellationToken)
    {
        var loggers = HostLogging.Create(options.Logging);
        var app = options.App;
        var storage = new StorageAccounts(options.Settings);
        var activity = new QueueActivity();
        var outputs = new OutputWriter(storage, app.Host.Queues, activity, options.Time);
        WorkerRpcServer? rpc = null;
        WorkerHost? worker = null;
        WebApplication? web = null;
        var done = false;
        try
        {
            rpc = await WorkerRpcServer.StartAsync(loggers, cancellationToken);
            worker = new WorkerHost(app, options.Settings, options.WorkerLauncher ?? new ProcessWorkerLauncher(loggers), rpc, loggers);
            var session = await worker.StartAsync(cancellationToken);
            var problems = new List<string>();
            app = WorkerFunctions.Resolve(app, session.Functions, options.Settings, problems);
            problems.AddRange(Validate(app, options.Settings));
            if (problems.Count > 0)
            {
                throw new AppProblemsException(problems);
            }

            var invoker = new WorkerInvoker(worker, outputs, app.Host.FunctionTimeout, options.Time, loggers);
            var blobTriggers = app.Functions.Any(f => f.Trigger is BlobTriggerBinding)
                ? new BlobTriggerQueue(storage.Queues(AppFolder.DefaultConnection), HostIdentity.For(app, options.Settings), app.Host.Queues.Base64, activity)
                : null;
            web = BuildWeb(options, loggers);
            web.MapWorkerHttpFunctions(app, worker, app.Host.FunctionTimeout, options.Time);
            if (blobTriggers is not null)
            {
                web.MapBlobWebhook(app, blobTriggers);
            }

            web.MapHostHomepage(options.Settings);
            web.MapFallback(context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
            await web.StartAsync(cancellationToken);
            done = true;
            return new Started(app, web, ListeningAddress(web, options.Port), worker, rpc, loggers, storage, activity, invoker, blobTriggers);
        }
        finally
        {
            if (!done)
            {
                await StopStartedAsync(web, worker, rpc);
                loggers.Dispose();
            }
        }
    }

    private static async Task StopStartedAsync(WebApplication? web, WorkerHost? worker, WorkerRpcServer? rpc)
    {
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        if (rpc is not null)
        {
            await rpc.DisposeAsync();
        }

        if (web is not null)
        {
            await web.DisposeAsync();
        }
    }

    /// <summary>Stops triggers (draining running invocations up to the drain timeout), then HTTP, then the worker.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        try
        {
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
        }
        finally
        {
            // Whatever failed above, the worker goes (its process tree is killed if it does not exit when asked).
            await Worker.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(CancellationToken.None);
        }
        finally
        {
            await StopStartedAsync(_web, Worker, _rpc);
            _loggers.Dispose();
        }
    }

    private static WebApplication BuildWeb(LocalHostOptions options, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.App.Root, Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
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

    /// <summary>What <see cref="StartCoreAsync"/> started, handed to the host that then owns it.</summary>
    private sealed record Started(
        AppFolder App, WebApplication Web, Uri HttpAddress, WorkerHost Worker, WorkerRpcServer Rpc,
        ILoggerFactory Loggers, StorageAccounts Storage, QueueActivity Activity, IFunctionInvoker Invoker, BlobTriggerQueue? BlobTriggers);

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
