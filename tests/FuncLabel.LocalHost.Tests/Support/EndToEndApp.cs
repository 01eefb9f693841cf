using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using FuncLabel.Testing;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>
/// The one end-to-end setup: the real app (<see cref="RealAppHost"/>) on a storage account of its own (another
/// end-to-end host on the same account would take this one's blob events), a Cosmos database of its own and a
/// development signing key, plus what every end-to-end test does with it: clients with bearer tokens, the first request
/// retried until the host listens, and polling up to the test's bound with the host's output in the failure message.
/// </summary>
internal sealed class EndToEndApp : IAsyncDisposable
{
    private readonly string _signingKey;
    private readonly TimeSpan _bound;

    private EndToEndApp(RealAppHost host, string storage, string signingKey, TimeSpan bound)
    {
        Host = host;
        Storage = storage;
        _signingKey = signingKey;
        _bound = bound;
    }

    public RealAppHost Host { get; }

    /// <summary>The connection string of this app's own storage account.</summary>
    public string Storage { get; }

    /// <summary>
    /// Starts the app with a database named after <paramref name="databasePrefix"/>; <paramref name="settings"/> are added
    /// to (or replace) the defaults. <paramref name="bound"/> limits each wait of <see cref="UntilListeningAsync"/> and
    /// <see cref="PollAsync{T}"/>.
    /// </summary>
    public static async Task<EndToEndApp> StartAsync(string databasePrefix, TimeSpan bound, IReadOnlyDictionary<string, string>? settings = null)
    {
        // Building the app folder (only when FUNCLABEL_APP_DIR is not set) is a dotnet publish: it gets its own bound.
        using var startTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var signingKey = Convert.ToBase64String(Encoding.UTF8.GetBytes(UniqueName.For("dev-signing-key-").PadRight(40, 'k')));
        var storage = await IsolatedStorage.ClaimAccountAsync(startTimeout.Token);
        var all = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = storage,
            ["Cosmos__Endpoint"] = Emulators.CosmosEndpoint,
            ["Cosmos__Key"] = Emulators.CosmosKey,
            ["Cosmos__DatabaseName"] = UniqueName.For(databasePrefix),
            ["Cosmos__CreateIfMissing"] = "true",
            ["Auth__DevSigningKey"] = signingKey,
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            all[name] = value;
        }

        var host = await RealAppHost.StartAsync(all, startTimeout.Token);
        return new EndToEndApp(host, storage, signingKey, bound);
    }

    /// <summary>A client of the app signed in as <paramref name="user"/> (a development token).</summary>
    public async Task<HttpClient> ClientAsync(string user, bool admin, CancellationToken cancellationToken)
    {
        var client = new HttpClient { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await Host.MintTokenAsync(user, admin, _signingKey, cancellationToken));
        return client;
    }

    /// <summary>Retries a request while the host is not listening yet (connection refused), up to the bound.</summary>
    public async Task<HttpResponseMessage> UntilListeningAsync(Func<Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _bound;
        while (true)
        {
            try
            {
                return await send();
            }
            catch (HttpRequestException e) when (e.InnerException is SocketException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(200, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidOperationException("The local host never answered. Its output:\n" + Host.Output, e);
            }
        }
    }

    /// <summary>Asks <paramref name="probe"/> until it finds something, up to the bound; then fails with the host's output.</summary>
    public Task<T> PollAsync<T>(Func<Task<T?>> probe, string what, CancellationToken cancellationToken)
        where T : class =>
        PollCoreAsync(async () => await probe() is { } found ? (true, found) : (false, default!), what, cancellationToken);

    /// <summary>As <see cref="PollAsync{T}"/>, for a probe that answers a JSON value or nothing.</summary>
    public Task<JsonElement> PollAsync(Func<Task<JsonElement?>> probe, string what, CancellationToken cancellationToken) =>
        PollCoreAsync(async () => await probe() is { } found ? (true, found) : (false, default), what, cancellationToken);

    public ValueTask DisposeAsync() => Host.DisposeAsync();

    private async Task<T> PollCoreAsync<T>(Func<Task<(bool Found, T Value)>> probe, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _bound;
        while (DateTime.UtcNow < deadline)
        {
            var (found, value) = await probe();
            if (found)
            {
                return value;
            }

            await Task.Delay(250, cancellationToken);
        }

        Assert.Fail($"Waited {_bound.TotalSeconds} s for {what}. Local host output:\n{Host.Output}");
        throw new InvalidOperationException("unreachable");
    }
}
