using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using BenchmarkDotNet.Attributes;

namespace FuncLabel.Benchmarks.Storage;

/// <summary>
/// 4 KB blob puts and queue sends with the Azure Storage SDK against the Azurite named by <c>FUNCLABEL_STORAGE</c>,
/// one at a time and 16 in flight. Run through <c>bench/storage-throughput.sh</c>, which starts a dedicated in-memory
/// Azurite; ops/s = 1 / mean.
/// </summary>
/// <remarks>
/// The concurrent cases run 16 operations per invocation (<c>OperationsPerInvoke = 16</c>), so their mean is the time
/// per operation under 16-way concurrency. Blob puts overwrite one name per slot so Azurite's memory stays bounded.
/// Queue messages are base64, as the app sends them. In-process: on a busy 2-core machine the generated benchmark
/// project's build exceeds BenchmarkDotNet's 2-minute timeout. The comparison with the hand-written client this
/// replaced (same cases, interleaved) is in bench/results/storage-throughput.md.
/// </remarks>
[InProcess]
[WarmupCount(3)]
[IterationCount(12)]
[MemoryDiagnoser]
public class StorageThroughputBenchmarks
{
    private const int Concurrency = 16;
    private static readonly BinaryData Payload = new(new byte[4096]);
    private static readonly string Message = new('m', 4096 * 3 / 4); // 4 KB once base64-encoded

    private BlobContainerClient _container = null!;
    private QueueClient _queue = null!;
    private BlobClient[] _slots = [];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connection = Environment.GetEnvironmentVariable("FUNCLABEL_STORAGE")
            ?? throw new InvalidOperationException("FUNCLABEL_STORAGE is not set; run bench/storage-throughput.sh.");
        var name = $"bench-{Guid.NewGuid().ToString("N")[..12]}";
        _container = new BlobServiceClient(connection).GetBlobContainerClient(name);
        await _container.CreateIfNotExistsAsync();
        _queue = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name);
        await _queue.CreateIfNotExistsAsync();
        _slots = Enumerable.Range(0, Concurrency).Select(i => _container.GetBlobClient($"slot-{i:D2}.bin")).ToArray();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _container.DeleteIfExistsAsync();
        await _queue.DeleteIfExistsAsync();
    }

    [Benchmark]
    public Task BlobPut_Sequential() => _slots[0].UploadAsync(Payload, overwrite: true);

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task BlobPut_Concurrent16() => Task.WhenAll(_slots.Select(slot => slot.UploadAsync(Payload, overwrite: true)));

    [Benchmark]
    public Task QueueSend_Sequential() => _queue.SendMessageAsync(Message);

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task QueueSend_Concurrent16() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _queue.SendMessageAsync(Message)));
}
