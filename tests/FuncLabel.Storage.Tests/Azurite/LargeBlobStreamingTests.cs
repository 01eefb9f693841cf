using System.Diagnostics;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace FuncLabel.Storage.Tests.Azurite;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    /// <summary>Runs alone so process-wide allocation counters measure only the test in it.</summary>
    public const string Name = "Memory measurement";
}

/// <summary>
/// A 200 MB blob goes up from a generated stream (Put Block + Put Block List) and comes back through the streaming
/// download into a hashing sink. Both directions must stay flat in memory — the process's peak working set grows by
/// less than a third of the blob — and allocate less than half the blob in total (the figure counts everything the
/// process allocates meanwhile, including the sampler's reads of /proc and retries when the machine is loaded, so it
/// is a bound, not the client's own cost). The bytes must hash the same.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class LargeBlobStreamingTests(ITestOutputHelper output)
{
    private const long BlobSize = 200L * 1024 * 1024;
    private const long AllocationBudget = BlobSize / 2;
    private const long WorkingSetGrowthBudget = BlobSize / 3;

    [Fact]
    public async Task DownloadStreamingAsync_200MegabyteBlob_HashesWithFlatMemory()
    {
        await using var test = await TestContainer.CreateAsync();
        var blob = test.Blob("large/200mb.bin");
        var expectedHash = Sha256Of(new GeneratedStream(BlobSize, seed: 7));

        var upload = await MeasureAsync(() => blob.UploadAsync(new GeneratedStream(BlobSize, seed: 7)));
        byte[] actualHash = [];
        long streamedBytes = 0;
        var download = await MeasureAsync(async () =>
        {
            await using var result = (await blob.DownloadStreamingAsync()).Value;
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = new byte[81920];
            int read;
            while ((read = await result.Content.ReadAsync(buffer)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                streamedBytes += read;
            }

            actualHash = sha.GetHashAndReset();
        });

        output.WriteLine($"upload   {upload}");
        output.WriteLine($"download {download}");
        Assert.Equal(BlobSize, streamedBytes);
        Assert.Equal(expectedHash, actualHash);
        Assert.Equal(BlobSize, (await blob.GetPropertiesAsync()).Value.ContentLength);
        foreach (var (direction, measured) in new[] { ("download", download), ("upload", upload) })
        {
            Assert.True(measured.PeakWorkingSet - measured.WorkingSetBefore < WorkingSetGrowthBudget, $"{direction}: {measured}");
            Assert.True(measured.AllocatedBytes < AllocationBudget, $"{direction}: {measured}");
        }
    }

    private static byte[] Sha256Of(Stream stream)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(stream);
    }

    private static async Task<Measurement> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        long peakWorkingSet = workingSetBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peakWorkingSet = Math.Max(peakWorkingSet, process.WorkingSet64);
                await Task.Delay(100, CancellationToken.None);
            }
        });

        await action();

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        process.Refresh();
        return new Measurement(allocated, heapBefore, GC.GetTotalMemory(false), workingSetBefore, peakWorkingSet, process.WorkingSet64, watch.Elapsed);
    }

    private sealed record Measurement(
        long AllocatedBytes, long HeapBefore, long HeapAfter, long WorkingSetBefore, long PeakWorkingSet, long WorkingSetAfter, TimeSpan Elapsed)
    {
        public override string ToString() =>
            $"allocated {Mb(AllocatedBytes)} MB; managed heap {Mb(HeapBefore)} -> {Mb(HeapAfter)} MB; " +
            $"working set {Mb(WorkingSetBefore)} -> peak {Mb(PeakWorkingSet)} -> {Mb(WorkingSetAfter)} MB; " +
            $"{Elapsed.TotalSeconds:F1} s ({BlobSize / 1048576.0 / Elapsed.TotalSeconds:F0} MB/s)";

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
