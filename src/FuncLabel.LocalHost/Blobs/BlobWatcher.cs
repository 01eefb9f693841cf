using System.Collections.Concurrent;
using System.Text;
using Azure;
using FuncLabel.LocalHost.Queues;
using FuncLabel.LocalHost.Storage;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// The local stand-in for Event Grid's blob-created subscriptions: polls the watched containers and delivers exactly one
/// <c>Microsoft.Storage.BlobCreated</c> event per (subscription, blob, ETag) to the subscription's queue, or to its
/// blob-triggered function through the blob webhook (<see cref="BlobWebhookClient"/>).
/// </summary>
/// <remarks>
/// <para>Each scan lists every watched container once (all subscriptions on a container share the listing). A blob
/// whose (subscription, name, ETag) was already handled in this process is skipped from memory; otherwise its receipt
/// (<see cref="BlobReceipts"/>) is checked, and if absent the event is sent and then the receipt written — for a
/// function, only once the webhook answered 2xx (it accepted the event: the invocation runs, and is retried, from the
/// blob trigger's queue); otherwise the next scan delivers it again.
/// Sending before writing makes delivery at-least-once: a crash between the two re-sends the event on the next start, with the same
/// event id, which consumers de-duplicate. Deleted blobs are ignored (no BlobDeleted events). Up to 8 blobs are
/// handled concurrently. Scans repeat every <see cref="BlobWatcherConfig.PollingInterval"/>; a failing scan is logged
/// and retried on the next tick.</para>
/// <para>Unlike Event Grid, which raises BlobCreated only when a blob's content is committed, a metadata-only change
/// also gives the blob a new ETag and so a new event here.</para>
/// </remarks>
internal sealed class BlobWatcher
{
    private const int Parallelism = 8;

    private readonly BlobWatcherConfig _config;
    private readonly StorageAccounts _storage;
    private readonly string _hostId;
    private readonly QueueActivity _activity;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BlobWebhookClient? _webhook;
    private readonly ConcurrentDictionary<string, byte> _handled = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public BlobWatcher(
        BlobWatcherConfig config, StorageAccounts storage, string hostId, QueueActivity activity, TimeProvider time, ILoggerFactory loggers,
        BlobWebhookClient? webhook = null)
    {
        if (webhook is null && config.Subscriptions.FirstOrDefault(s => s.Function is not null) is { } needsWebhook)
        {
            throw new ArgumentException($"Subscription '{needsWebhook.Name}' delivers to a function, but no blob webhook was given.", nameof(webhook));
        }

        _webhook = webhook;
        _config = config;
        _storage = storage;
        _hostId = hostId;
        _activity = activity;
        _time = time;
        _logger = loggers.CreateLogger("Host.BlobWatcher");
    }

    public BlobWatcherConfig Config => _config;

    /// <summary>Creates the target queues and the receipts container, then scans every polling interval until stopped.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        _loop = Task.Run(() => PollAsync(_stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
    }

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        foreach (var subscription in _config.Subscriptions)
        {
            if (subscription.Queue is { } queue)
            {
                await _storage.Queues(subscription.Connection).GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            }

            await Receipts(subscription.Connection).EnsureContainerAsync(cancellationToken);
        }
    }

    /// <summary>Forgets every receipt of this host (see <see cref="BlobReceipts.ForgetAllAsync"/>); returns how many were deleted.</summary>
    public async Task<int> ForgetReceiptsAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var connection in _config.Subscriptions.Select(s => s.Connection).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            deleted += await Receipts(connection).ForgetAllAsync(cancellationToken);
        }

        _handled.Clear();
        return deleted;
    }

    /// <summary>One pass over every watched container; returns how many events it sent.</summary>
    public async Task<int> ScanOnceAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var group in _config.Subscriptions.GroupBy(s => (s.Connection, s.Container)))
        {
            var container = _storage.Blobs(group.Key.Connection).GetBlobContainerClient(group.Key.Container);
            var pending = new List<(BlobSubscription Subscription, BlobItem Blob)>();
            try
            {
                await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions(), cancellationToken))
                {
                    var subject = BlobCreatedEvent.Subject(group.Key.Container, blob.Name);
                    pending.AddRange(group
                        .Where(s => s.Filter.Matches(subject) && !_handled.ContainsKey(Key(s, blob)))
                        .Select(s => (s, blob)));
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                continue; // The container does not exist yet: nothing to announce.
            }

            var counts = new ConcurrentDictionary<string, int>();
            await Parallel.ForEachAsync(
                pending,
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    if (await AnnounceAsync(item.Subscription, container.GetBlobClient(item.Blob.Name).Uri, item.Blob, ct))
                    {
                        counts.AddOrUpdate(item.Subscription.Target, 1, (_, n) => n + 1);
                    }
                });
            foreach (var (target, count) in counts)
            {
                sent += count;
                _logger.LogInformation("Blob watcher: {Count} BlobCreated event(s) from '{Container}' to {Target}", count, group.Key.Container, target);
            }
        }

        return sent;
    }

    private async Task<bool> AnnounceAsync(BlobSubscription subscription, Uri blobUri, BlobItem blob, CancellationToken cancellationToken)
    {
        var eTag = BlobCreatedEvent.ETagOf(blob);
        var receipts = Receipts(subscription.Connection);
        if (await receipts.ExistsAsync(subscription.Name, eTag, subscription.Container, blob.Name, cancellationToken))
        {
            _handled.TryAdd(Key(subscription, blob), 0);
            return false;
        }

        var account = _storage.Blobs(subscription.Connection).AccountName;
        var created = BlobCreatedEvent.Create(subscription, account, blobUri, blob);
        if (subscription.Function is { } function)
        {
            var delivered = await _webhook!.PostAsync(function, created, cancellationToken);
            if (!delivered.Succeeded)
            {
                _logger.LogWarning("Blob watcher: {Container}/{Blob} to function '{Function}' was not accepted ({Answer}); it is delivered again on the next scan",
                    subscription.Container, blob.Name, function, delivered.Answer);
                return false;
            }
        }
        else
        {
            var json = created.ToJsonString();
            await _storage.Queues(subscription.Connection).GetQueueClient(subscription.Queue!)
                .SendMessageAsync(QueueWireText.Encode(Encoding.UTF8.GetBytes(json), subscription.Base64), cancellationToken: cancellationToken);
            _activity.MessageAdded(subscription.Queue!);
        }

        await receipts.WriteAsync(subscription.Name, eTag, subscription.Container, blob.Name, cancellationToken);
        _handled.TryAdd(Key(subscription, blob), 0);
        return true;
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await ScanOnceAsync(stopping);
                await Task.Delay(_config.PollingInterval, _time, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StorageFailure.IsStorage(e))
            {
                _logger.LogWarning("Blob watcher scan failed ({Failure}); retrying in {Interval}", StorageFailure.Describe(e), _config.PollingInterval);
                try
                {
                    await Task.Delay(_config.PollingInterval, _time, stopping);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
    }

    private BlobReceipts Receipts(string connection) => new(_storage.Blobs(connection), _hostId);

    private static string Key(BlobSubscription subscription, BlobItem blob) =>
        $"{subscription.Name}\n{subscription.Container}\n{blob.Name}\n{BlobCreatedEvent.ETagOf(blob)}";
}
