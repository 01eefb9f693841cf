using System.Text.Json.Nodes;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// <c>extensions.blobs</c> of host.json with the blob extension's defaults. Blob-trigger invocations run from the
/// extension's internal queue (<see cref="Blobs.BlobTriggerQueue"/>), whose listener gets its options from these: the
/// batch is split from <c>maxDegreeOfParallelism</c> (default 8 × processor count) as the extension does, and a message
/// goes to the poison queue after <c>poisonBlobThreshold</c> failed deliveries (default 5) — not after
/// <c>extensions.queues.maxDequeueCount</c>, which only queue triggers use.
/// </summary>
internal sealed record BlobTriggerOptions(int MaxDegreeOfParallelism, int PoisonBlobThreshold)
{
    public static BlobTriggerOptions From(JsonNode? section, List<string> problems)
    {
        var parallelism = section.Integer("maxDegreeOfParallelism") ?? 8 * Environment.ProcessorCount;
        if (parallelism < 1)
        {
            problems.Add($"host.json extensions.blobs.maxDegreeOfParallelism must be at least 1, not {parallelism}.");
            parallelism = 1;
        }

        var threshold = section.Integer("poisonBlobThreshold") ?? 5;
        if (threshold < 1)
        {
            problems.Add($"host.json extensions.blobs.poisonBlobThreshold must be at least 1, not {threshold}.");
            threshold = 1;
        }

        return new BlobTriggerOptions(parallelism, threshold);
    }

    /// <summary>
    /// The internal queue's listener options: a batch of half the parallelism plus one (at most 32), the next batch once
    /// no more than the rest are running, and the queue defaults otherwise (no visibility delay before a retry, polling
    /// back-off up to a minute — the host's own enqueue wakes the listener at once). Messages are encoded as host.json's
    /// queues say (<paramref name="base64"/>), since the host's queue clients are built from those options.
    /// </summary>
    public QueueTriggerOptions ForQueue(bool base64)
    {
        var batchSize = Math.Min(32, MaxDegreeOfParallelism / 2 + 1);
        return new QueueTriggerOptions(
            batchSize,
            MaxDegreeOfParallelism - batchSize,
            TimeSpan.FromMinutes(1),
            TimeSpan.Zero,
            PoisonBlobThreshold,
            base64);
    }
}
