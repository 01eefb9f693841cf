using System.Diagnostics;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Storage;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Tests.Ingestion;
using FuncLabel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FuncLabel.Functions.Tests.Storage;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    /// <summary>Runs alone so process-wide allocation counters measure only the test in it.</summary>
    public const string Name = "Memory measurement";
}

/// <summary>
/// 200 MiB through the app's own blob paths, both directions flat in memory: up through
/// <see cref="ImportFileStore.WriteErrorFileAsync"/> from a generated, non-seekable stream, and down through ingestion's
/// <see cref="AssetContentReader"/> (range reads of the head, then one streamed pass hashing every byte). Each direction
/// must grow the process's peak working set by less than a third of the blob and allocate less than half of it in
/// total (everything the process allocates meanwhile, sampler and retries included: a bound, not the client's own
/// cost), and the hash must be the generator's. Figures: bench/results/storage-streaming.md.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class LargeBlobStreamingTests(FuncLabelApp app, ITestOutputHelper output) : IClassFixture<FuncLabelApp>
{
    private const long BlobSize = 200L * 1024 * 1024;
    private const long AllocationBudget = BlobSize / 2;
    private const long WorkingSetGrowthBudget = BlobSize / 3;

    [Fact]
    public async Task AppBlobPaths_200MiB_UploadAndHashWithFlatMemory()
    {
        var project = UniqueName.For("p")[..20];
        var importFiles = app.Services.GetRequiredService<ImportFileStore>();
        var assetBlob = app.Services.GetRequiredService<AssetContentStore>().Blob(project, "large/200 MiB é.bin");
        await assetBlob.GetParentBlobContainerClient().CreateIfNotExistsAsync();
        await assetBlob.UploadAsync(new SeededStream(BlobSize, seed: 7), new BlobUploadOptions { TransferOptions = BlobTransfer.Options });

        var upload = await MeasureAsync(() => importFiles.WriteErrorFileAsync(project, "large", new SeededStream(BlobSize, seed: 7), CancellationToken.None));
        AssetContent? read = null;
        var download = await MeasureAsync(async () => read = await AssetContentReader.ReadAsync(assetBlob, CancellationToken.None));
        var uploaded = (await app.Services.GetRequiredService<Azure.Storage.Blobs.BlobServiceClient>()
            .GetBlobContainerClient("imports").GetBlobClient(ImportFileStore.ErrorFileName(project, "large")).GetPropertiesAsync()).Value;
        await assetBlob.DeleteAsync();

        output.WriteLine($"upload   {upload}");
        output.WriteLine($"download {download}");
        Assert.Equal(BlobSize, uploaded.ContentLength);
        Assert.NotNull(read);
        Assert.Equal(BlobSize, read.Size);
        Assert.Equal(SeededStream.Sha256(BlobSize, seed: 7), read.Sha256);
        foreach (var (direction, measured) in new[] { ("upload", upload), ("download", download) })
        {
            Assert.True(measured.PeakWorkingSet - measured.WorkingSetBefore < WorkingSetGrowthBudget, $"{direction}: {measured}");
            Assert.True(measured.AllocatedBytes < AllocationBudget, $"{direction}: {measured}");
        }
    }

    private static async Task<Measurement> MeasureAsync(Func<Task> action)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
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
                await Task.Delay(20, CancellationToken.None);
            }
        });

        await action();

        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        return new Measurement(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, workingSetBefore, peakWorkingSet, watch.Elapsed);
    }

    private sealed record Measurement(long AllocatedBytes, long WorkingSetBefore, long PeakWorkingSet, TimeSpan Elapsed)
    {
        public override string ToString() =>
            $"allocated {Mb(AllocatedBytes)} MB; working set {Mb(WorkingSetBefore)} -> peak {Mb(PeakWorkingSet)} MB; " +
            $"{Elapsed.TotalSeconds:F1} s ({BlobSize / 1048576.0 / Elapsed.TotalSeconds:F0} MB/s)";

        private static string Mb(long bytes) => (bytes / 1048576.0).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }
}
