using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using HandWritten = FuncLabel.Storage;

namespace FuncLabel.Benchmarks.Storage;

/// <summary>
/// <c>storage-throughput-rounds [ROUNDS=20] [OPS=64]</c>: the cases of <see cref="StorageThroughputBenchmarks"/>
/// (4 KB blob puts and queue sends, one at a time and 16 in flight) for both clients, interleaved: each round runs
/// OPS operations of every case on one client, then on the other, the order alternating round by round, so a change
/// in the machine's load falls on both clients alike. Prints the median over rounds of the time per operation, and
/// the hand-written / SDK ratio. Needs <c>FUNCLABEL_STORAGE</c>.
/// </summary>
internal static class StorageThroughputRoundsCommand
{
    private const int Concurrency = 16;
    private static readonly BinaryData Payload = new(new byte[4096]);
    private static readonly string Message = new('m', 4096 * 3 / 4);

    public static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20;
        var ops = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
        var connection = Environment.GetEnvironmentVariable("FUNCLABEL_STORAGE")
            ?? throw new InvalidOperationException("FUNCLABEL_STORAGE is not set.");
        var name = $"bench-{Guid.NewGuid().ToString("N")[..12]}";

        var oldContainer = new HandWritten.BlobServiceClient(connection).GetBlobContainerClient(name + "-h");
        await oldContainer.CreateIfNotExistsAsync();
        var oldQueue = new HandWritten.QueueServiceClient(connection).GetQueueClient(name + "-h");
        await oldQueue.CreateIfNotExistsAsync();
        var oldSlots = Enumerable.Range(0, Concurrency).Select(i => oldContainer.GetBlobClient($"slot-{i:D2}.bin")).ToArray();
        var sdkContainer = new BlobServiceClient(connection).GetBlobContainerClient(name + "-s");
        await sdkContainer.CreateIfNotExistsAsync();
        var sdkQueue = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name + "-s");
        await sdkQueue.CreateIfNotExistsAsync();
        var sdkSlots = Enumerable.Range(0, Concurrency).Select(i => sdkContainer.GetBlobClient($"slot-{i:D2}.bin")).ToArray();

        var clients = new (string Name, Func<int, Task> BlobPut, Func<Task> QueueSend)[]
        {
            ("hand-written", slot => oldSlots[slot].UploadAsync(Payload), () => oldQueue.SendMessageAsync(Message)),
            ("SDK", slot => sdkSlots[slot].UploadAsync(Payload, overwrite: true), () => sdkQueue.SendMessageAsync(Message)),
        };
        string[] cases = ["blob put, sequential", "blob put, 16 concurrent", "queue send, sequential", "queue send, 16 concurrent"];
        var perOp = clients.ToDictionary(c => c.Name, _ => cases.ToDictionary(c => c, _ => new List<double>()));

        // One warm-up round (connections, JIT), not recorded.
        for (var round = 0; round <= rounds; round++)
        {
            foreach (var client in round % 2 == 0 ? clients : clients.Reverse())
            {
                var times = new[]
                {
                    await TimeAsync(ops, async () => { for (var i = 0; i < ops; i++) { await client.BlobPut(0); } }),
                    await TimeAsync(ops, async () => { for (var i = 0; i < ops / Concurrency; i++) { await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(client.BlobPut)); } }),
                    await TimeAsync(ops, async () => { for (var i = 0; i < ops; i++) { await client.QueueSend(); } }),
                    await TimeAsync(ops, async () => { for (var i = 0; i < ops / Concurrency; i++) { await Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => client.QueueSend())); } }),
                };
                if (round > 0)
                {
                    for (var c = 0; c < cases.Length; c++)
                    {
                        perOp[client.Name][cases[c]].Add(times[c]);
                    }
                }
            }
        }

        await oldContainer.DeleteIfExistsAsync();
        await oldQueue.DeleteIfExistsAsync();
        await sdkContainer.DeleteIfExistsAsync();
        await sdkQueue.DeleteIfExistsAsync();

        Console.WriteLine($"| operation | hand-written ms/op (median of {rounds}) | SDK ms/op | hand-written / SDK |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var operation in cases)
        {
            var old = Median(perOp["hand-written"][operation]);
            var sdk = Median(perOp["SDK"][operation]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {operation} | {old:F2} | {sdk:F2} | {old / sdk:F2} |"));
        }

        return 0;
    }

    /// <summary>Milliseconds per operation of <paramref name="run"/>, which performs <paramref name="ops"/> operations.</summary>
    private static async Task<double> TimeAsync(int ops, Func<Task> run)
    {
        var watch = Stopwatch.StartNew();
        await run();
        return watch.Elapsed.TotalMilliseconds / ops;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
