using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace FuncLabel.Benchmarks.Storage;

/// <summary>
/// <c>storage-streaming [RUNS] [MIB]</c>: uploads a generated, non-seekable blob of MIB MiB (default 200) and streams
/// it back into SHA-256 with the Azure Storage SDK — 4 MiB blocks one at a time (the app's setting,
/// src/FuncLabel.Data/Storage/BlobTransfer.cs) and four at a time — RUNS times (default 2), alternating which goes first. For each direction: bytes allocated
/// (<c>GC.GetTotalAllocatedBytes(precise: true)</c> delta), working set before → peak (sampled every 20 ms) and time.
/// The hash read back must equal the generator's. Needs <c>FUNCLABEL_STORAGE</c> (bench/storage-throughput.sh starts
/// the emulators the same way).
/// </summary>
internal static class StorageStreamingCommand
{
    private const int BlockSize = 4 * 1024 * 1024;

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var size = (args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 200) * 1024 * 1024;
        var connection = Environment.GetEnvironmentVariable("FUNCLABEL_STORAGE")
            ?? throw new InvalidOperationException("FUNCLABEL_STORAGE is not set.");
        var containerName = $"bench-{Guid.NewGuid().ToString("N")[..12]}";
        var sdkContainer = new BlobServiceClient(connection).GetBlobContainerClient(containerName);
        await sdkContainer.CreateIfNotExistsAsync();
        var expected = SHA256.HashData(new GeneratedStream(size, seed: 7));
        var variants = new (string Name, Func<Stream, Task> Upload, Func<Stream, Task> Download)[]
        {
            ("SDK, 1 block at a time (the app's)", s => UploadSdkAsync(sdkContainer.GetBlobClient("sdk1.bin"), s, 1), d => DownloadSdkAsync(sdkContainer.GetBlobClient("sdk1.bin"), d)),
            ("SDK, 4 blocks at a time", s => UploadSdkAsync(sdkContainer.GetBlobClient("sdk4.bin"), s, 4), d => DownloadSdkAsync(sdkContainer.GetBlobClient("sdk4.bin"), d)),
        };

        Console.WriteLine("| run | client | direction | allocated MB | working set MB (before → peak) | time s | MB/s |");
        Console.WriteLine("|---|---|---|---:|---|---:|---:|");
        try
        {
            for (var run = 1; run <= runs; run++)
            {
                var order = run % 2 == 1 ? variants : variants.Reverse().ToArray();
                foreach (var (name, upload, download) in order)
                {
                    var up = await MeasureAsync(() => upload(new GeneratedStream(size, seed: 7)));
                    Print(run, name, "upload", up, size);
                    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                    var sink = new HashingSink(sha);
                    var down = await MeasureAsync(() => download(sink));
                    Print(run, name, "download", down, size);
                    if (!sha.GetHashAndReset().AsSpan().SequenceEqual(expected) || sink.Length != size)
                    {
                        Console.Error.WriteLine($"{name}: the bytes read back differ from the bytes written");
                        return 1;
                    }
                }
            }
        }
        finally
        {
            await sdkContainer.DeleteIfExistsAsync();
        }

        return 0;
    }

    private static Task UploadSdkAsync(BlobClient blob, Stream content, int concurrency) =>
        blob.UploadAsync(content, new BlobUploadOptions
        {
            TransferOptions = new StorageTransferOptions
            {
                InitialTransferSize = BlockSize,
                MaximumTransferSize = BlockSize,
                MaximumConcurrency = concurrency,
            },
        });

    private static async Task DownloadSdkAsync(BlobClient blob, Stream sink)
    {
        using var result = (await blob.DownloadStreamingAsync()).Value;
        await result.Content.CopyToAsync(sink, 81920);
    }

    private static void Print(int run, string name, string direction, Measurement m, long size) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {run} | {name} | {direction} | {Mb(m.Allocated):F1} | {Mb(m.WorkingSetBefore):F1} → {Mb(m.PeakWorkingSet):F1} | {m.Elapsed.TotalSeconds:F1} | {Mb(size) / m.Elapsed.TotalSeconds:F0} |"));

    private static double Mb(long bytes) => bytes / 1048576.0;

    private static async Task<Measurement> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var peak = before;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(20, CancellationToken.None);
            }
        });

        await action();
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return new Measurement(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, before, peak, watch.Elapsed);
    }

    private sealed record Measurement(long Allocated, long WorkingSetBefore, long PeakWorkingSet, TimeSpan Elapsed);

    /// <summary>A write-only stream that hashes what it is given and keeps nothing.</summary>
    private sealed class HashingSink(IncrementalHash sha) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            sha.AppendData(buffer);
            Position += buffer.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer.AsSpan(offset, count));
            return Task.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
