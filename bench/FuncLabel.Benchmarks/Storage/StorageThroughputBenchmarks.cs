using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using BenchmarkDotNet.Attributes;
using HandWritten = FuncLabel.Storage;

namespace FuncLabel.Benchmarks.Storage;

/// <summary>Which Blob/Queue client a benchmark case runs on.</summary>
public enum StorageClientKind
{
    /// <summary>The hand-written REST client in <c>src/FuncLabel.Storage</c>.</summary>
    HandWritten,

    /// <summary>Azure.Storage.Blobs / Azure.Storage.Queues.</summary>
    Sdk,
}

/// <summary>
/// 4 KB blob puts and queue sends against the Azurite named by <c>FUNCLABEL_STORAGE</c>, one at a time and 16 in flight,
/// on the hand-written client and on the SDK in the same run. Run through <c>bench/storage-throughput.sh</c>, which starts
/// a dedicated in-memory Azurite; ops/s = 1 / mean.
/// </summary>
/// <remarks>
/// The concurrent cases run 16 operations per invocation (<c>OperationsPerInvoke = 16</c>), so their mean is the time
/// per operation under 16-way concurrency. Blob puts overwrite one name per slot so Azurite's memory stays bounded.
/// Both clients send base64 queue messages and sign with the account key. In-process: on a busy 2-core machine the
/// generated benchmark project's build exceeds BenchmarkDotNet's 2-minute timeout.
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

    private Func<Task> _blobPut = null!;
    private Func<int, Task> _slotPut = null!;
    private Func<Task> _queueSend = null!;
    private Func<Task> _cleanup = null!;

    [Params(StorageClientKind.HandWritten, StorageClientKind.Sdk)]
    public StorageClientKind Client { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var connection = Environment.GetEnvironmentVariable("FUNCLABEL_STORAGE")
            ?? throw new InvalidOperationException("FUNCLABEL_STORAGE is not set; run bench/storage-throughput.sh.");
        var name = $"bench-{Guid.NewGuid().ToString("N")[..12]}";
        if (Client == StorageClientKind.HandWritten)
        {
            var container = new HandWritten.BlobServiceClient(connection).GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync();
            var queue = new HandWritten.QueueServiceClient(connection).GetQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            var slots = Enumerable.Range(0, Concurrency).Select(i => container.GetBlobClient($"slot-{i:D2}.bin")).ToArray();
            _slotPut = slot => slots[slot].UploadAsync(Payload);
            _queueSend = () => queue.SendMessageAsync(Message);
            _cleanup = async () =>
            {
                await container.DeleteIfExistsAsync();
                await queue.DeleteIfExistsAsync();
            };
        }
        else
        {
            var container = new BlobServiceClient(connection).GetBlobContainerClient(name);
            await container.CreateIfNotExistsAsync();
            var queue = new QueueServiceClient(connection, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }).GetQueueClient(name);
            await queue.CreateIfNotExistsAsync();
            var slots = Enumerable.Range(0, Concurrency).Select(i => container.GetBlobClient($"slot-{i:D2}.bin")).ToArray();
            _slotPut = slot => slots[slot].UploadAsync(Payload, overwrite: true);
            _queueSend = () => queue.SendMessageAsync(Message);
            _cleanup = async () =>
            {
                await container.DeleteIfExistsAsync();
                await queue.DeleteIfExistsAsync();
            };
        }

        _blobPut = () => _slotPut(0);
    }

    [GlobalCleanup]
    public Task CleanupAsync() => _cleanup();

    [Benchmark]
    public Task BlobPut_Sequential() => _blobPut();

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task BlobPut_Concurrent16() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_slotPut));

    [Benchmark]
    public Task QueueSend_Sequential() => _queueSend();

    [Benchmark(OperationsPerInvoke = Concurrency)]
    public Task QueueSend_Concurrent16() => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => _queueSend()));
}
