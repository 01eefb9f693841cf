using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// <c>extensions.queues</c> of host.json with the storage extension's defaults (docs/local-host.md, Queue trigger semantics).
/// </summary>
/// <param name="BatchSize">Messages fetched per Get Messages call, 1–32.</param>
/// <param name="NewBatchThreshold">The next batch is fetched once no more than this many messages are in flight.</param>
/// <param name="MaxPollingInterval">The ceiling of the randomized exponential back-off while a queue is empty.</param>
/// <param name="VisibilityTimeout">How long a failed message stays invisible before it is retried.</param>
/// <param name="MaxDequeueCount">Deliveries before a failing message moves to <c>&lt;queue&gt;-poison</c>.</param>
/// <param name="Base64">Messages are base64 on the wire (<c>messageEncoding: base64</c>, the default) or plain text (<c>none</c>).</param>
internal sealed record QueueTriggerOptions(
    int BatchSize,
    int NewBatchThreshold,
    TimeSpan MaxPollingInterval,
    TimeSpan VisibilityTimeout,
    int MaxDequeueCount,
    bool Base64)
{
    /// <summary>The host never polls an empty queue more often than this.</summary>
    public static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    public static QueueTriggerOptions From(JsonNode? section, List<string> problems)
    {
        var batchSize = section.Integer("batchSize") ?? 16;
        if (batchSize is < 1 or > 32)
        {
            problems.Add($"host.json extensions.queues.batchSize must be 1..32, not {batchSize}.");
            batchSize = Math.Clamp(batchSize, 1, 32);
        }

        var threshold = section.Integer("newBatchThreshold") ?? batchSize / 2 * Environment.ProcessorCount;
        var maxPolling = section.Duration("maxPollingInterval") ?? TimeSpan.FromMinutes(1);
        if (maxPolling < MinPollingInterval)
        {
            problems.Add($"host.json extensions.queues.maxPollingInterval must be at least {MinPollingInterval.TotalMilliseconds} ms.");
            maxPolling = MinPollingInterval;
        }

        var encoding = section.Text("messageEncoding") ?? "base64";
        if (!encoding.Equals("base64", StringComparison.OrdinalIgnoreCase) && !encoding.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"host.json extensions.queues.messageEncoding is 'base64' or 'none', not '{encoding}'.");
        }

        return new QueueTriggerOptions(
            batchSize,
            Math.Max(0, threshold),
            maxPolling,
            section.Duration("visibilityTimeout") ?? TimeSpan.Zero,
            Math.Max(1, section.Integer("maxDequeueCount") ?? 5),
            !encoding.Equals("none", StringComparison.OrdinalIgnoreCase));
    }
}
