using System.Text;
using Azure.Storage.Queues;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Queues;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// The blob extension's internal queue, <c>azure-webjobs-blobtrigger-{hostId}</c> in the host's storage account
/// (<c>AzureWebJobsStorage</c>): the blob webhook puts one <see cref="BlobTriggerMessage"/> on it per event and answers
/// 202 at once; this queue's listener runs them. A delivery whose invocation fails is retried, and on its
/// <c>poisonBlobThreshold</c>-th delivery (host.json <c>extensions.blobs</c>, default 5) the message moves to
/// <c>webjobs-blobtrigger-poison</c> (docs/local-host.md, Blob trigger). A message for a function this app does not
/// have, or for a blob that no longer exists, is dropped as done, as the extension does.
/// </summary>
internal sealed class BlobTriggerQueue
{
    public const string PoisonQueueName = "webjobs-blobtrigger-poison";

    private readonly QueueClient _queue;
    private readonly QueueServiceClient _queues;
    private readonly bool _base64;
    private readonly QueueActivity _activity;
    private int _created;

    public BlobTriggerQueue(QueueServiceClient hostQueues, string hostId, bool base64, QueueActivity activity)
    {
        _queues = hostQueues;
        _queue = hostQueues.GetQueueClient(NameFor(hostId));
        _base64 = base64;
        _activity = activity;
    }

    public string Name => _queue.Name;

    public static string NameFor(string hostId) => "azure-webjobs-blobtrigger-" + hostId;

    /// <summary>Queues one blob for its function and wakes the listener.</summary>
    public async Task EnqueueAsync(BlobTriggerMessage message, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0)
        {
            await _queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }

        await _queue.SendMessageAsync(QueueWireText.Encode(Encoding.UTF8.GetBytes(message.ToJson()), _base64), cancellationToken: cancellationToken);
        _activity.MessageAdded(_queue.Name);
    }

    /// <summary>The listener that runs the queued blobs of <paramref name="app"/>'s blob-triggered functions.</summary>
    public QueueListener Listener(AppFolder app, IFunctionInvoker invoker, BlobTriggerProperties properties, TimeProvider time, ILoggerFactory loggers, Random random)
    {
        var functions = app.Functions.Where(f => f.Trigger is BlobTriggerBinding).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var logger = loggers.CreateLogger("Host.BlobTrigger");
        return new QueueListener(
            _queue,
            _queues.GetQueueClient(PoisonQueueName),
            app.Host.Blobs.ForQueue(_base64),
            (message, body, cancellationToken) => RunAsync(message, body, functions, invoker, properties, logger, cancellationToken),
            time,
            loggers,
            "Host.BlobTrigger",
            random);
    }

    /// <summary>One delivery: a message that cannot be read, or a blob whose properties cannot be read, fails it (retried, then poisoned).</summary>
    private static async Task<InvocationOutcome> RunAsync(
        Azure.Storage.Queues.Models.QueueMessage message, byte[] body, IReadOnlyDictionary<string, FunctionDefinition> functions, IFunctionInvoker invoker,
        BlobTriggerProperties properties, ILogger logger, CancellationToken cancellationToken)
    {
        BlobTriggerMessage blob;
        try
        {
            blob = BlobTriggerMessage.Parse(Encoding.UTF8.GetString(body));
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Message {Id} (delivery {Delivery}): {Problem}", message.MessageId, message.DequeueCount, e.Message);
            return InvocationOutcome.Failed(InvocationFailure.InvalidMessage, e.Message, TimeSpan.Zero);
        }

        if (!functions.TryGetValue(blob.FunctionName, out var function))
        {
            logger.LogWarning("Message {Id}: '{Function}' is not a blob-triggered function of this app; dropped", message.MessageId, blob.FunctionId);
            return InvocationOutcome.Success(TimeSpan.Zero);
        }

        InvocationRequest? request;
        try
        {
            request = await BlobCreatedInvocation.CreateAsync(function, blob, properties, cancellationToken);
        }
        catch (Exception e) when (Storage.StorageFailure.IsStorage(e))
        {
            var detail = $"{blob.ContainerName}/{blob.BlobName}: reading its properties failed ({Storage.StorageFailure.Describe(e)})";
            logger.LogWarning("Message {Id} (delivery {Delivery}): {Problem}", message.MessageId, message.DequeueCount, detail);
            return InvocationOutcome.Failed(InvocationFailure.StorageFailed, detail, TimeSpan.Zero);
        }

        if (request is null)
        {
            logger.LogInformation("Message {Id}: {Container}/{Blob} no longer exists; dropped", message.MessageId, blob.ContainerName, blob.BlobName);
            return InvocationOutcome.Success(TimeSpan.Zero);
        }

        return await invoker.ExecuteAsync(request, cancellationToken);
    }
}
