using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.LocalHost.Storage;

/// <summary>
/// Warns when another host polls the same queues of the same storage account. Two such hosts take each other's queue
/// messages and blob events: a pre-label file of one app's project is imported by the other app, which knows no such
/// project (a real deployment mistake too: two function apps on one storage account share its queue names). Each
/// running host keeps a presence blob, <c>azure-webjobs-hosts/localhost-presence/{instance}</c>, naming the queues it
/// polls or feeds, rewritten every <see cref="Refresh"/>; on start and at each refresh it looks for other presence
/// blobs written within <see cref="Stale"/> that name a queue of its own. The warning names the other host and the
/// queues; it stops neither (a host restarted in place briefly sees its predecessor's blob, once).
/// </summary>
internal sealed class SharedAccountCheck : IAsyncDisposable
{
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(75);

    private const string Container = "azure-webjobs-hosts";
    private const string Prefix = "localhost-presence/";

    private readonly BlobContainerClient _container;
    private readonly string _instance = Guid.NewGuid().ToString("N");
    private readonly string _hostId;
    private readonly IReadOnlySet<string> _queues;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public SharedAccountCheck(BlobServiceClient blobs, string hostId, IEnumerable<string> queues, TimeProvider time, ILoggerFactory loggers)
    {
        _container = blobs.GetBlobContainerClient(Container);
        _hostId = hostId;
        _queues = queues.ToHashSet(StringComparer.OrdinalIgnoreCase);
        _time = time;
        _logger = loggers.CreateLogger("Host.Storage");
    }

    /// <summary>Writes this host's presence, reports any other live host, and keeps both up to date until disposed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await BeatAsync(cancellationToken);
        _loop = Task.Run(() => LoopAsync(_stopping.Token), CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        try
        {
            await _container.GetBlobClient(Prefix + _instance).DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
        catch (Azure.RequestFailedException e)
        {
            _logger.LogDebug("Presence blob not removed: {Error}", e.Message);
        }

        _stopping.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Refresh, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                try
                {
                    await BeatAsync(cancellationToken);
                }
                catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException)
                {
                    _logger.LogDebug("Presence check failed, retried in {Refresh}: {Error}", Refresh, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        await _container.GetBlobClient(Prefix + _instance).UploadAsync(
            BinaryData.FromString(now.ToString("O", CultureInfo.InvariantCulture)),
            new BlobUploadOptions
            {
                Metadata = new Dictionary<string, string>
                {
                    ["hostid"] = _hostId,
                    ["pid"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture),
                    ["machine"] = Environment.MachineName,
                    ["queues"] = string.Join(',', _queues.Order(StringComparer.Ordinal)),
                },
            },
            cancellationToken);
        await foreach (var other in _container.GetBlobsAsync(BlobTraits.Metadata, BlobStates.None, Prefix, cancellationToken))
        {
            if (other.Name == Prefix + _instance || now - (other.Properties.LastModified ?? DateTimeOffset.MinValue) > Stale || _reported.Contains(other.Name))
            {
                continue;
            }

            var metadata = other.Metadata.AsReadOnly();
            var shared = metadata.GetValueOrDefault("queues", string.Empty)
                .Split(',', StringSplitOptions.RemoveEmptyEntries)
                .Where(_queues.Contains)
                .ToList();
            if (shared.Count == 0)
            {
                continue;
            }

            _reported.Add(other.Name);
            _logger.LogWarning(
                "Another host uses this storage account's queues {Queues} (host id {OtherHostId}, process {Pid} on {Machine}): "
                + "each takes the other's messages and blob events, so work meant for one app is done by the other. "
                + "Give each host its own storage account (AzureWebJobsStorage).",
                string.Join(", ", shared), metadata.GetValueOrDefault("hostid", "?"), metadata.GetValueOrDefault("pid", "?"), metadata.GetValueOrDefault("machine", "?"));
        }
    }
}
