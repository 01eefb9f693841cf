using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace FuncLabel.Benchmarks.LocalHost;

/// <summary>
/// <c>blob-event-latency CONNECTION_STRING [COUNT] [OUTPUT.md]</c>: with a local host's blob watcher already running on
/// the repo's blobwatcher.json (default settings), uploads COUNT blobs (default 20) to <c>assets</c> one after another
/// and times each from the upload's response to its BlobCreated event being receivable on <c>asset-events</c>
/// (the queue is polled every 10 ms, so figures include up to 10 ms of polling). Prints and writes median, p90, max.
/// Run by bench/localhost-blob-latency.sh.
/// </summary>
internal static class BlobEventLatencyCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is not [var connection, ..])
        {
            Console.Error.WriteLine("usage: blob-event-latency CONNECTION_STRING [COUNT] [OUTPUT.md]");
            return 2;
        }

        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var output = args.Length > 2 ? args[2] : null;
        var container = new BlobServiceClient(connection).GetBlobContainerClient("assets");
        await container.CreateIfNotExistsAsync();
        // The watcher writes base64 (host.json's messageEncoding), as Event Grid does; the SDK's default would not decode it.
        var queue = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient("asset-events");
        await queue.CreateIfNotExistsAsync();
        var run = Guid.NewGuid().ToString("N")[..8];
        var latencies = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var name = $"bench-{run}/{i:000}.bin";
            await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(name)));
            var clock = Stopwatch.StartNew();
            while (!await ReceivedAsync(queue, name))
            {
                if (clock.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.Error.WriteLine($"no event for {name} within 30 s: is the watcher running?");
                    return 1;
                }

                await Task.Delay(10);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            Console.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds:F0} ms");
        }

        latencies.Sort();
        var median = count % 2 == 1 ? latencies[count / 2] : (latencies[(count / 2) - 1] + latencies[count / 2]) / 2;
        var p90 = latencies[(int)Math.Ceiling(0.9 * count) - 1];
        var summary = $"| {count} | {median:F0} | {p90:F0} | {latencies[^1]:F0} | {latencies[0]:F0} |";
        Console.WriteLine("| uploads | median ms | p90 ms | max ms | min ms |\n|---|---|---|---|---|\n" + summary);
        if (output is not null)
        {
            await File.AppendAllTextAsync(output, summary + "\n");
        }

        return 0;
    }

    /// <summary>True when the event for <paramref name="blobName"/> is on the queue; deletes what it reads.</summary>
    private static async Task<bool> ReceivedAsync(QueueClient queue, string blobName)
    {
        var found = false;
        foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
        {
            var subject = JsonNode.Parse(message.Body.ToString())?["subject"]?.GetValue<string>() ?? "";
            found |= subject.EndsWith("/blobs/" + blobName, StringComparison.Ordinal);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        return found;
    }
}
