using System.Net.Http.Headers;
using FuncLabel.Data.Cosmos;
using FuncLabel.Functions.Outbox;
using FuncLabel.Functions.Security;
using FuncLabel.LocalHost;
using FuncLabel.LocalHost.App;
using FuncLabel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// The real function app on the real path, for one test class: the repository's local Functions host (in this
/// process) runs the FuncLabel worker (also in this process, <see cref="InProcessWorkerLauncher"/>) over the worker
/// gRPC protocol, against the Cosmos DB server with a database of its own and Azurite with a storage account of its
/// own, with a clock the test moves. Requests go to the host's HTTP port and reach the functions exactly as in
/// production (host routing, invocation, worker middleware).
/// </summary>
/// <remarks>
/// Queue and timer functions are disabled (<c>AzureWebJobs.&lt;name&gt;.Disabled</c>, as the Functions host reads it):
/// these tests deliver their messages themselves, one by one or twice, through the function classes. The end-to-end
/// tests in FuncLabel.LocalHost.Tests run every trigger through the host.
/// </remarks>
public abstract class WorkerApp : IAsyncLifetime
{
    public const string SigningKey = "ZnVuY2xhYmVsLXRlc3Qtc2lnbmluZy1rZXktMzItYnl0ZXMhIQ==";

    /// <summary>
    /// The queue and timer functions: disabled, so tests deliver their messages and run their sweeps themselves. The
    /// blob-triggered functions stay enabled: the app folder has no blob watcher, so they run only when a test posts
    /// an event to the host's blob webhook (<see cref="Ingestion.IngestionHarness"/>).
    /// </summary>
    private static readonly string[] TriggerFunctions =
        ["taskEvents", "jobLaunch", "outboxSweep", "credentialReport", "examReport", "qualityReport"];

    private readonly InProcessWorkerLauncher _launcher;
    private LocalFunctionsHost? _host;

    protected WorkerApp(string databasePrefix)
    {
        DatabaseName = UniqueName.For(databasePrefix);
        _launcher = new InProcessWorkerLauncher(ConfigureServices);
    }

    public string DatabaseName { get; }

    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));

    /// <summary>What the host and the worker logged.</summary>
    public HostLog Log { get; } = new();

    /// <summary>The host's address (<c>http://127.0.0.1:{port}/</c>).</summary>
    public Uri HostAddress => _host?.HttpAddress ?? throw new InvalidOperationException("The app has not started.");

    /// <summary>The storage account only this app uses.</summary>
    public string StorageConnectionString { get; private set; } = "";

    /// <summary>The worker's services (stores, function classes), as the functions get them.</summary>
    public IServiceProvider Services => _launcher.Host?.Services ?? throw new InvalidOperationException("The app has not started.");

    internal CosmosDatabase Cosmos => Services.GetRequiredService<CosmosDatabase>();

    /// <summary>A client for the host's HTTP address (<c>/api/...</c>), without redirects and without a token.</summary>
    public HttpClient CreateClient() =>
        new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = _host?.HttpAddress ?? throw new InvalidOperationException("The app has not started.") };

    /// <summary>A client calling as <paramref name="userId"/> (anonymous when null), tokens valid at the real clock.</summary>
    public HttpClient ClientFor(string? userId, bool admin = false, TimeSpan? lifetime = null)
    {
        var client = CreateClient();
        if (userId is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
                "Bearer", DevTokens.Mint(SigningKey, userId, admin, DateTimeOffset.UtcNow, lifetime ?? TimeSpan.FromHours(2)));
        }

        return client;
    }

    /// <summary>
    /// One run of the outbox sweep timer function (disabled in these apps, so the test decides when it runs), in a
    /// scope of the worker's services as the worker would run it; throws if the run fails.
    /// </summary>
    public async Task RunOutboxSweepAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var sweep = scope.ServiceProvider.GetRequiredService<OutboxSweepFunction>();
        await sweep.RunAsync(new Invocation.TimerInvocation(Guid.NewGuid().ToString(), IsPastDue: false, Last: null, Next: null), CancellationToken.None);
    }

    public async Task InitializeAsync()
    {
        StorageConnectionString = await IsolatedStorage.ClaimAccountAsync();
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = StorageConnectionString,
            ["Cosmos__Endpoint"] = Emulators.CosmosEndpoint,
            ["Cosmos__Key"] = Emulators.CosmosKey,
            ["Cosmos__DatabaseName"] = DatabaseName,
            ["Cosmos__CreateIfMissing"] = "true",
            ["Auth__DevSigningKey"] = SigningKey,
            ["Reports__CredentialReportSchedule"] = "0 0 2 * * *",
            ["Reports__ExamReportSchedule"] = "0 15 2 * * *",
            ["Reports__QualityReportSchedule"] = "0 30 2 * * *",
        };
        foreach (var function in TriggerFunctions)
        {
            settings[$"AzureWebJobs.{function}.Disabled"] = "true";
        }

        Configure(settings);
        var appSettings = AppSettings.Create(new Dictionary<string, string>(), settings);
        var app = AppFolder.Load(TestAppFolder.Path, appSettings, out var problems)
                  ?? throw new InvalidOperationException("The test app folder does not load: " + string.Join("; ", problems));
        _host = await LocalFunctionsHost.StartAsync(
            new LocalHostOptions(app, appSettings)
            {
                Port = 0,
                WorkerLauncher = _launcher,
                Logging = logging =>
                {
                    logging.ClearProviders();
                    logging.SetMinimumLevel(LogLevel.Information);
                    logging.AddProvider(Log);
                },
            },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        // The app's warnings and errors, in the test output: what a failed assertion on a 500 needs to be read.
        foreach (var line in Log.Problems(40))
        {
            Console.Error.WriteLine(line);
        }

        if (_launcher.Host is not null)
        {
            await Cosmos.Database.DeleteAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>App settings for this app (environment-variable form, <c>Section__Key</c>).</summary>
    protected virtual void Configure(IDictionary<string, string> settings)
    {
    }

    /// <summary>Service overrides, after the app's own registrations.</summary>
    protected virtual void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Time);
}
