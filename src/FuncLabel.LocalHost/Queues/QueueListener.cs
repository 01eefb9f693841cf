using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Storage;

namespace FuncLabel.LocalHost.Queues;

/// <summary>
/// Delivers one queue's messages to a handler with the storage extension's semantics (docs/local-host.md, Queue trigger
/// semantics): the messages of a queue-triggered function, or the blob trigger's internal queue
/// (<see cref="Blobs.BlobTriggerQueue"/>).
/// </summary>
/// <remarks>
/// <para>Polling: Get Messages for <c>batchSize</c> messages, hidden for 10 minutes (renewed every 5 while an
/// invocation runs), whenever no more than <c>newBatchThreshold</c> are in flight — so at most
/// <c>batchSize + newBatchThreshold</c> run at once. An empty poll waits out a <see cref="PollingBackoff"/>; a message
/// the local host put on the queue itself wakes the listener at once (<see cref="QueueActivity"/>).</para>
/// <para>Per message: <c>DequeueCount &gt; maxDequeueCount</c>, or text that does not decode under host.json's
/// <c>messageEncoding</c>, goes straight to <c>&lt;queue&gt;-poison</c> without an invocation. Success deletes the message.
/// Failure releases it (visible again after <c>visibilityTimeout</c>), or — on the <c>maxDequeueCount</c>-th delivery —
/// copies its exact wire text to the poison queue and deletes it. A stale pop receipt (404/400) means another receiver
/// took over after an expiry; it is logged and ignored.</para>
/// <para>Stopping stops polling first, then lets running invocations finish (bounded by the caller's drain token),
/// so a message whose invocation succeeded is always deleted before the host exits and never runs twice.</para>
/// </remarks>
internal sealed class QueueListener
{
    public const int MaxQueueNameLength = 63;
    private static readonly TimeSpan ReceiveVisibility = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromMinutes(5);

    private readonly QueueClient _queue;
    private readonly QueueClient? _poison;
    private readonly QueueTriggerOptions _options;
    private readonly QueueMessageHandler _handler;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PollingBackoff _backoff;
    private readonly SemaphoreSlim _wake = new(0);
    private readonly CancellationTokenSource _polling = new();
    private readonly CancellationTokenSource _invocations = new();
    private readonly Lock _gate = new();
    private readonly HashSet<Task> _inFlight = [];
    private Task? _loop;

    /// <param name="queue">The queue to poll.</param>
    /// <param name="poison">Where messages that keep failing go; null when the queue has none (they are released instead).</param>
    /// <param name="handler">Runs one delivery; its outcome decides delete, retry or poison.</param>
    /// <param name="logCategory">The category of this listener's own log lines.</param>
    public QueueListener(
        QueueClient queue,
        QueueClient? poison,
        QueueTriggerOptions options,
        QueueMessageHandler handler,
        TimeProvider time,
        ILoggerFactory loggers,
        string logCategory,
        Random random)
    {
        _queue = queue;
        _poison = poison;
        _options = options;
        _handler = handler;
        _time = time;
        _logger = loggers.CreateLogger(logCategory);
        _backoff = new PollingBackoff(QueueTriggerOptions.MinPollingInterval, options.MaxPollingInterval, random);
    }

    /// <summary>
    /// The listener of a queue-triggered function: messages of its queue become invocations (<see cref="QueueInvocation"/>),
    /// and those that keep failing go to <c>&lt;queue&gt;-poison</c> — none for a queue whose name already ends in
    /// <c>-poison</c> or would pass 63 characters with it.
    /// </summary>
    public static QueueListener ForFunction(
        FunctionDefinition function, QueueServiceClient queues, QueueTriggerOptions options, IFunctionInvoker invoker, TimeProvider time, ILoggerFactory loggers, Random random)
    {
        var trigger = (QueueTriggerBinding)function.Trigger;
        var poisonName = trigger.QueueName + "-poison";
        var poison = trigger.QueueName.EndsWith("-poison", StringComparison.Ordinal) || poisonName.Length > MaxQueueNameLength
            ? null
            : queues.GetQueueClient(poisonName);
        return new QueueListener(
            queues.GetQueueClient(trigger.QueueName),
            poison,
            options,
            (message, body, cancellationToken) => invoker.ExecuteAsync(QueueInvocation.Create(function, trigger, message, body, time.GetUtcNow()), cancellationToken),
            time,
            loggers,
            $"Host.Queue.{function.Name}",
            random);
    }

    public string QueueName => _queue.Name;

    /// <summary>Poll now (a message was just added by this host).</summary>
    public void Wake() => _wake.Release();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The real listener treats a missing queue as empty; creating it locally gives the same behaviour with less noise.
        await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        _loop = Task.Run(() => PollAsync(_polling.Token), CancellationToken.None);
    }

    /// <summary>Stops polling, then waits for running invocations; if <paramref name="drainDeadline"/> fires first they are cancelled and their messages released.</summary>
    public async Task StopAsync(CancellationToken drainDeadline)
    {
        await _polling.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        await using var cancelOnDeadline = drainDeadline.Register(_invocations.Cancel);
        Task[] running;
        lock (_gate)
        {
            running = [.. _inFlight];
        }

        await Task.WhenAll(running);
    }

    private async Task PollAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (InFlightCount > _options.NewBatchThreshold)
                {
                    await _wake.WaitAsync(stopping);
                    continue;
                }

                // Not cancelled by a stop: a receive cancelled after the service answered would leave its messages
                // hidden for ReceiveVisibility with nobody to run them. A batch that arrives after a stop is released.
                var batch = (await _queue.ReceiveMessagesAsync(_options.BatchSize, ReceiveVisibility, CancellationToken.None)).Value;
                if (stopping.IsCancellationRequested)
                {
                    foreach (var message in batch)
                    {
                        await ReleaseAsync(message, new PopReceiptHolder(message.PopReceipt), TimeSpan.Zero);
                    }

                    return;
                }

                if (batch.Length == 0)
                {
                    await _wake.WaitAsync(_backoff.Next(), stopping);
                    continue;
                }

                _backoff.Reset();
                foreach (var message in batch)
                {
                    Track(ProcessAsync(message));
                }
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (StorageFailure.IsStorage(e))
            {
                _logger.LogWarning("Polling '{Queue}' failed ({Failure}); retrying after back-off", QueueName, StorageFailure.Describe(e));
                await DelayQuietlyAsync(_backoff.Next(), stopping);
            }
        }
    }

    private int InFlightCount
    {
        get
        {
            lock (_gate)
            {
                return _inFlight.Count;
            }
        }
    }

    private void Track(Task processing)
    {
        lock (_gate)
        {
            _inFlight.Add(processing);
        }

        processing.ContinueWith(
            done =>
            {
                lock (_gate)
                {
                    _inFlight.Remove(done);
                }

                _wake.Release();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task ProcessAsync(QueueMessage message)
    {
        await Task.Yield();
        var receipt = new PopReceiptHolder(message.PopReceipt);
        try
        {
            if (message.DequeueCount > _options.MaxDequeueCount)
            {
                await PoisonAsync(message, receipt, "it was already delivered more than maxDequeueCount times");
                return;
            }

            var body = QueueWireText.Decode(message.MessageText, _options.Base64);
            if (body is null)
            {
                await PoisonAsync(message, receipt, "its text is not valid base64 (messageEncoding: base64)");
                return;
            }

            InvocationOutcome outcome;
            using (var renewal = new CancellationTokenSource())
            {
                var renewing = RenewVisibilityAsync(message.MessageId, receipt, renewal.Token);
                try
                {
                    outcome = await _handler(message, body, _invocations.Token);
                }
                finally
                {
                    await renewal.CancelAsync();
                    await renewing;
                }
            }

            if (outcome.Succeeded)
            {
                await IgnoringStaleReceiptAsync(() => _queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None), message);
            }
            else if (message.DequeueCount >= _options.MaxDequeueCount && _poison is not null)
            {
                await PoisonAsync(message, receipt, $"it failed on delivery {message.DequeueCount} of maxDequeueCount {_options.MaxDequeueCount}");
            }
            else
            {
                await ReleaseAsync(message, receipt, _options.VisibilityTimeout);
            }
        }
        catch (OperationCanceledException) when (_invocations.IsCancellationRequested)
        {
            // Shutdown ran out of time: make the message visible again now, for the next start.
            await ReleaseAsync(message, receipt, TimeSpan.Zero);
        }
        catch (Exception e) when (StorageFailure.IsStorage(e))
        {
            _logger.LogError("Message {Id} on '{Queue}': storage failed ({Failure}); it becomes visible again after its timeout",
                message.MessageId, QueueName, StorageFailure.Describe(e));
        }
    }

    private async Task PoisonAsync(QueueMessage message, PopReceiptHolder receipt, string why)
    {
        if (_poison is null)
        {
            _logger.LogError("Message {Id} on '{Queue}' would be poisoned ({Why}), but the queue has no poison queue; releasing it", message.MessageId, QueueName, why);
            await ReleaseAsync(message, receipt, _options.VisibilityTimeout);
            return;
        }

        _logger.LogWarning("Message {Id} on '{Queue}' moves to '{Poison}': {Why}", message.MessageId, QueueName, _poison.Name, why);
        await _poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        await _poison.SendMessageAsync(message.MessageText, cancellationToken: CancellationToken.None);
        await IgnoringStaleReceiptAsync(() => _queue.DeleteMessageAsync(message.MessageId, receipt.Value, CancellationToken.None), message);
    }

    private Task ReleaseAsync(QueueMessage message, PopReceiptHolder receipt, TimeSpan visibleAfter) =>
        IgnoringStaleReceiptAsync(
            async () => (await _queue.UpdateMessageAsync(message.MessageId, receipt.Value, messageText: null, visibleAfter, CancellationToken.None)).GetRawResponse(),
            message);

    /// <summary>Keeps a long invocation's message hidden: every 5 minutes, hidden for another 10 (new pop receipt each time).</summary>
    private async Task RenewVisibilityAsync(string messageId, PopReceiptHolder receipt, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RenewEvery, _time, done);
                var updated = await _queue.UpdateMessageAsync(messageId, receipt.Value, messageText: null, ReceiveVisibility, done);
                receipt.Value = updated.Value.PopReceipt;
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
            // The invocation ended.
        }
        catch (Exception e) when (StorageFailure.IsStorage(e))
        {
            _logger.LogWarning("Could not extend the visibility of message {Id} on '{Queue}' ({Failure})", messageId, QueueName, StorageFailure.Describe(e));
        }
    }

    private async Task IgnoringStaleReceiptAsync(Func<Task<Response>> operation, QueueMessage message)
    {
        try
        {
            await operation();
        }
        catch (RequestFailedException e) when (e.Status is 404 or 400)
        {
            _logger.LogWarning("Message {Id} on '{Queue}' was taken over by another receiver ({Code}); leaving it", message.MessageId, QueueName, e.ErrorCode);
        }
    }

    private static async Task DelayQuietlyAsync(TimeSpan delay, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(delay, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    /// <summary>The message's current pop receipt: each visibility update replaces it.</summary>
    private sealed class PopReceiptHolder(string value)
    {
        public string Value { get; set; } = value;
    }
}

/// <summary>Runs one delivery of a message (<paramref name="body"/>: its bytes, decoded under <c>messageEncoding</c>).</summary>
internal delegate Task<InvocationOutcome> QueueMessageHandler(QueueMessage message, byte[] body, CancellationToken cancellationToken);
