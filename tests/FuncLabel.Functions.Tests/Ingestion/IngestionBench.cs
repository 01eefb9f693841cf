using System.Diagnostics;
using System.Globalization;
using System.Text;
using FuncLabel.Data;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Tests.Ingestion;
using FuncLabel.Functions.Ingestion;
using Azure.Storage.Blobs.Models;
using FuncLabel.Data.Storage;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;

namespace FuncLabel.Functions.Tests.Ingestion;

/// <summary>
/// End-to-end figures for bench/results/ingestion-*.md, run on demand (<c>FUNCLABEL_BENCH_INGESTION=1</c>, see
/// bench/ingestion.sh): a 1 GB asset ingested from Azurite with its memory sampled, and a 100,000-annotation import
/// with throughput and the parse/write split. They assert correctness only; the numbers are written to the results files.
/// </summary>
public sealed class IngestionBench(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private static bool Enabled => Environment.GetEnvironmentVariable("FUNCLABEL_BENCH_INGESTION") == "1";

    [Fact]
    public async Task Bench_OneGigabyteAsset_FlatMemory()
    {
        if (!Enabled)
        {
            return;
        }

        app.Time.Set(DateTimeOffset.UtcNow);
        var harness = new IngestionHarness(app);
        var project = await app.SeedProjectAsync();
        const long Size = 1L << 30;
        var container = harness.Blobs.GetBlobContainerClient(StorageNames.BlobContainers.Assets);
        await container.CreateIfNotExistsAsync();
        var upload = Stopwatch.StartNew();
        await container.GetBlobClient($"{project}/big/one-gigabyte.bin").UploadAsync(new SeededStream(Size, seed: 1), new BlobUploadOptions { TransferOptions = BlobTransfer.Options });
        upload.Stop();

        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                await Task.Delay(50, CancellationToken.None);
            }
        });
        var ingest = Stopwatch.StartNew();
        var logs = await harness.DeliverAsync("assetEvents", StorageNames.BlobContainers.Assets, $"{project}/big/one-gigabyte.bin");
        ingest.Stop();
        await sampling.CancelAsync();
        await sampler;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var asset = await app.Services.GetRequiredService<Data.Assets.AssetStore>().GetAsync(project, HashedIds.AssetId(project, "big/one-gigabyte.bin"), CancellationToken.None);
        Assert.Equal(Size, asset!.Current!.Size);
        Assert.Equal(SeededStream.Sha256(Size, 1), asset.Current.Sha256);

        Write("ingestion-1gb-asset.md", $"""
            # 1 GB asset ingestion (memory)

            Run: `bench/ingestion.sh` ({DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work, Azurite in memory, in-process handler through `POST /assetEvents` with a BlobCreated event).
            Blob: 1 GiB of seeded pseudo-random bytes (xorshift, seed 1), uploaded from a generated stream (never an array) in {upload.Elapsed.TotalSeconds:F1} s.

            | measure | value |
            |---|---|
            | ingestion time (64 KiB head range read + streamed SHA-256 pass) | {ingest.Elapsed.TotalSeconds:F1} s ({Size / 1048576.0 / ingest.Elapsed.TotalSeconds:F0} MiB/s) |
            | managed bytes allocated during ingestion | {allocated / 1048576.0:F1} MiB |
            | working set before → peak during ingestion | {before / 1048576.0:F1} → {peak / 1048576.0:F1} MiB |
            | SHA-256 checked against an independent pass over the same generator | yes |

            Function log: `{string.Join(" | ", logs)}`
            """);
    }

    [Fact]
    public async Task Bench_HundredThousandAnnotationImport_Throughput()
    {
        if (!Enabled)
        {
            return;
        }

        app.Time.Set(DateTimeOffset.UtcNow);
        var harness = new IngestionHarness(app);
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        (await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", new
        {
            autoAcceptAt = 0.8,
            dropBelow = 0.1,
            classes = new object[] { new { schemaId = "car", name = "car", tool = "bbox", autoAcceptAt = 0.9, dropBelow = 0.3 }, new { schemaId = "person", name = "person", tool = "bbox" } },
        })).EnsureSuccessStatusCode();
        var assets = new List<(string Id, string GlobalKey)>();
        for (var i = 0; i < 100; i++)
        {
            await harness.IngestAssetAsync(project, $"b/{i}.png", [.. Generated.Png(100, 100), (byte)i]);
            assets.Add((HashedIds.AssetId(project, $"b/{i}.png"), $"b/{i}.png"));
        }

        // 100,000 valid lines (no bad ones): car/person boxes, confidences uniform over the generator's set.
        var generator = new PrelabelFileGenerator(seed: 100, assets, ["later/x.png"]);
        var file = generator.Generate(101_010).Split('\n').Where((l, i) => (i + 1) % PrelabelFileGenerator.BadEvery != 0);
        var text = string.Join('\n', file);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        await harness.UploadAsync(StorageNames.BlobContainers.Prelabels, $"{project}/hundred-k.ndjson", Encoding.UTF8.GetBytes(text));

        var importer = app.Services.CreateScope().ServiceProvider.GetRequiredService<PrelabelImporter>();
        var run = await importer.ImportAsync(new BlobCreatedEvent("bench", StorageNames.BlobContainers.Prelabels, $"{project}/hundred-k.ndjson", null, null, null), CancellationToken.None);
        Assert.Equal(lines, run.Counts.Lines);
        Assert.Equal(0, run.Counts.Rejected);
        var stored = run.Counts.Accepted + run.Counts.ToReview + run.Counts.Pending;
        Write("ingestion-100k-import.md", string.Create(CultureInfo.InvariantCulture, $"""
            # 100,000-annotation pre-label import (throughput)

            Run: `bench/ingestion.sh` ({DateTimeOffset.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores shared with other work; Azurite and the local
            Cosmos DB server in memory on the same machine). `PrelabelImporter.ImportAsync` called in-process with a BlobCreated event.
            File: {lines:N0} lines, {text.Length / 1048576.0:F1} MB, seeded (`PrelabelFileGenerator`, seed 100): bbox of `car` or `person`,
            confidence uniform over the set (null, 0, 0.0999, 0.1, 0.29999, 0.3, 0.5, 0.7999, 0.8, 0.8999, 0.9, 1), data row uniform over
            100 ingested assets by id, by globalKey, or one not-yet-ingested globalKey (pending).

            | measure | value |
            |---|---|
            | lines / accepted / to review / dropped / pending | {run.Counts.Lines:N0} / {run.Counts.Accepted:N0} / {run.Counts.ToReview:N0} / {run.Counts.Dropped:N0} / {run.Counts.Pending:N0} |
            | documents written (upserts, 16 in flight) | {stored:N0} |
            | wall time | {run.Elapsed.TotalSeconds:F1} s |
            | throughput | {run.Counts.Lines / run.Elapsed.TotalSeconds:F0} annotations/s read; {stored / run.Elapsed.TotalSeconds:F0} documents/s written |
            | parse + validate + resolve (producer, serial) | {run.ParseTime.TotalSeconds:F1} s ({run.ParseTime / run.Elapsed:P0} of wall time) |
            | writes (summed over the 16 concurrent writers) | {run.WriteTime.TotalSeconds:F1} s |

            The producer and the writers overlap; the producer's share of wall time is how long parsing kept the writers fed.
            Writes dominate: each is one Cosmos upsert round trip to the local server.
            """));
    }

    /// <summary>
    /// The 10,000-line import of the ingestion tests (seed 9: 20 ingested assets, 5 not yet ingested, 1% bad lines), run
    /// three times fresh (new uuids: every write creates a document) and three times as a re-import of the same uuids
    /// (every write replaces one), to see what the order-checked pre-label writes cost against plain upserts.
    /// <c>FUNCLABEL_BENCH_LABEL</c> names the run in the results file (e.g. the commit measured).
    /// </summary>
    [Fact]
    public async Task Bench_TenThousandLineImport_FreshAndReimport()
    {
        if (!Enabled)
        {
            return;
        }

        app.Time.Set(DateTimeOffset.UtcNow);
        var harness = new IngestionHarness(app);
        var project = await app.SeedProjectAsync();
        using var owner = app.ClientFor("admin-" + project, admin: true);
        (await owner.PutAsJsonAsync($"/api/projects/{project}/ontology", new
        {
            autoAcceptAt = 0.8,
            dropBelow = 0.1,
            classes = new object[]
            {
                new { schemaId = "car", name = "car", tool = "bbox", autoAcceptAt = 0.9, dropBelow = 0.3 },
                new { schemaId = "person", name = "person", tool = "bbox" },
                new { schemaId = "weather", name = "weather", tool = "radio", options = new[] { new { name = "sunny" }, new { name = "rainy" } } },
                new { schemaId = "tags", name = "tags", tool = "checklist", options = new[] { new { name = "a" }, new { name = "b" } } },
                new { schemaId = "region", name = "region", tool = "mask" },
            },
        })).EnsureSuccessStatusCode();
        var assets = new List<(string Id, string GlobalKey)>();
        for (var i = 0; i < 20; i++)
        {
            await harness.IngestAssetAsync(project, $"imgs/{i}.png", [.. Generated.Png(100, 100), (byte)i]);
            assets.Add((HashedIds.AssetId(project, $"imgs/{i}.png"), $"imgs/{i}.png"));
        }

        string[] missing = ["later/0.png", "later/1.png", "later/2.png", "later/3.png", "later/4.png"];
        var importer = app.Services.CreateScope().ServiceProvider.GetRequiredService<PrelabelImporter>();
        var rows = new StringBuilder();
        for (var round = 0; round < 3; round++)
        {
            foreach (var (kind, leftOffset) in new[] { ("fresh", 0), ("re-import", 20) })
            {
                // Fresh: a new seed per round gives new uuids; re-import: the same seed and uuids, moved boxes.
                var generator = new PrelabelFileGenerator(seed: 1000 + round, assets, missing);
                var name = $"{project}/ten-k-{round}-{(leftOffset == 0 ? "a" : "b")}.ndjson";
                await harness.UploadAsync(StorageNames.BlobContainers.Prelabels, name, Encoding.UTF8.GetBytes(generator.Generate(10_000, leftOffset)));
                var run = await importer.ImportAsync(new BlobCreatedEvent("bench", StorageNames.BlobContainers.Prelabels, name, null, null, null), CancellationToken.None);
                Assert.Equal(10_000, run.Counts.Lines);
                var written = run.Counts.Accepted + run.Counts.ToReview + run.Counts.Pending;
                rows.Append(CultureInfo.InvariantCulture, $"| {round + 1} | {kind} | {written:N0} | {run.Elapsed.TotalSeconds:F2} s | {written / run.Elapsed.TotalSeconds:F0} | {run.WriteTime.TotalSeconds:F1} s |\n");
            }
        }

        var label = Environment.GetEnvironmentVariable("FUNCLABEL_BENCH_LABEL") ?? "unlabelled";
        Write($"ingestion-10k-import-{label}.md", string.Create(CultureInfo.InvariantCulture, $"""
            # 10,000-line import: fresh vs re-import ({label})

            Run: `bench/ingestion.sh` ({DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores shared with other work; Azurite and
            the local Cosmos DB server in memory). `PrelabelImporter.ImportAsync` in-process; file from `PrelabelFileGenerator`
            (10,000 lines, 1% bad, 20 ingested assets and 5 pending globalKeys).

            | round | import | documents written | wall time | documents/s | writes (summed over 16 writers) |
            |---|---|---|---|---|---|
            {rows.ToString().TrimEnd()}
            """));
    }

    private static void Write(string name, string text, [System.Runtime.CompilerServices.CallerFilePath] string path = "")
    {
        var folder = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", "..", "bench", "results"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, name), text.Replace("\r\n", "\n", StringComparison.Ordinal) + "\n");
    }
}

/// <summary>A read-only stream of <c>length</c> pseudo-random bytes (xorshift64, seeded), generated as it is read.</summary>
internal sealed class SeededStream(long length, ulong seed) : Stream
{
    private ulong _state = unchecked((seed * 0x9E3779B97F4A7C15UL) + 1);
    private long _position;

    public static string Sha256(long length, ulong seed)
    {
        using var stream = new SeededStream(length, seed);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length;

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            buffer[i] = (byte)(_state & 0xFF);
        }

        _position += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
