using System.Diagnostics;
using System.Text.Json;
using Azure;
using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Projects;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Validation;
using FuncLabel.Storage;
using FuncLabel.Storage.Models;

namespace FuncLabel.Functions.Ingestion;

/// <summary>What one import run did, for logs and the throughput benchmark.</summary>
public sealed record ImportRun(string ImportId, ImportState State, ImportCounts Counts, TimeSpan Elapsed, TimeSpan ParseTime, TimeSpan WriteTime, bool Skipped);

/// <summary>
/// Imports a pre-label NDJSON file from its blob-created event (<c>prelabels/{projectId}/{importId}.ndjson</c>).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The import record for (import id, blob ETag) decides whether there is anything to do: finished or failed for
/// this ETag → nothing (a redelivery). Otherwise the record is (re)started as <c>running</c> with zero counts, pinned
/// to the current ontology version.</item>
/// <item>The file is streamed line by line through <see cref="PrelabelPlanner"/>; its writes (upserts with ids from
/// (asset, uuid) or (globalKey, uuid)) run with at most <see cref="WriteConcurrency"/> in flight. Rejected lines go to a
/// temporary file, uploaded at the end as <c>imports/{projectId}/{importId}.errors.ndjson</c> (never into
/// <c>prelabels</c>, which triggers work). Counts and progress are saved every <see cref="ProgressEvery"/> lines.</item>
/// <item>Lines parked for assets that arrived during the run are applied (<see cref="PendingPrelabels"/>), then the
/// record is finished with the final counts.</item>
/// </list>
/// A redelivery while a run is in progress (or after a crash) runs again from the start: every write is an idempotent
/// upsert of the same content and counts are recomputed, never added, so nothing is counted or stored twice.
/// </remarks>
public sealed class PrelabelImporter(
    BlobServiceClient blobs,
    ImportStore imports,
    AssetStore assets,
    ProjectStore projects,
    OntologyStore ontologies,
    PrelabelStore prelabels,
    IConfiguration configuration,
    TimeProvider time)
{
    public const int WriteConcurrency = 16;
    public const int ProgressEvery = 2_000;
    private const string Suffix = ".ndjson";

    public async Task<ImportRun> ImportAsync(BlobCreatedEvent blobEvent, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var path = AssetPath.FromBlobName(blobEvent.BlobName);
        var importId = path?.Path.EndsWith(Suffix, StringComparison.Ordinal) == true ? path.Path[..^Suffix.Length] : null;
        if (path is null || !Ids.IsProjectId(path.ProjectId))
        {
            return Skipped(importId ?? "", watch);
        }

        if (importId is null || !Ids.IsResourceId(importId))
        {
            await RecordErrorAsync(path.ProjectId, blobEvent, "invalid_path", "Pre-label files are named {projectId}/{importId}.ndjson with an id of 3–63 characters a-z, 0-9, '-'.", cancellationToken);
            return Skipped(importId ?? "", watch);
        }

        if (await projects.GetProjectAsync(path.ProjectId, cancellationToken) is null)
        {
            await RecordErrorAsync(path.ProjectId, blobEvent, "unknown_project", $"No project '{path.ProjectId}'.", cancellationToken);
            return Skipped(importId, watch);
        }

        var blob = blobs.GetBlobContainerClient(StorageNames.BlobContainers.Prelabels).GetBlobClient(blobEvent.BlobName);
        BlobDownloadStreamingResult download;
        try
        {
            download = (await blob.DownloadStreamingAsync(default, cancellationToken)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Skipped(importId, watch);
        }

        await using (download)
        {
            var etag = download.Details.ETag.ToString();
            var existing = await imports.GetAsync(path.ProjectId, importId, cancellationToken);
            if (existing is not null && existing.BlobETag == etag && existing.State != ImportState.Running)
            {
                return new ImportRun(importId, existing.State, existing.Counts, watch.Elapsed, TimeSpan.Zero, TimeSpan.Zero, Skipped: true);
            }

            var upload = await imports.GetUploadAsync(path.ProjectId, StorageNames.BlobContainers.Prelabels, blobEvent.BlobName, cancellationToken);
            var ontology = await ontologies.GetCurrentOntologyAsync(path.ProjectId, cancellationToken);
            var record = new ImportDocument
            {
                Id = ImportDocument.IdFor(importId),
                Pk = path.ProjectId,
                ProjectId = path.ProjectId,
                ImportId = importId,
                State = ImportState.Running,
                BlobName = blobEvent.BlobName,
                BlobETag = etag,
                RequestedBy = upload?.RequestedBy ?? "unknown",
                OntologyVersion = ontology?.Version ?? 0,
                StartedAt = time.GetUtcNow(),
                TotalBytes = download.Details.ContentLength,
                Version = existing?.Version ?? 0,
                Outbox = existing?.Outbox ?? [],
                ETag = existing?.ETag,
            };
            var started = await imports.SaveAsync(record, "import.started", record.StartedAt, cancellationToken);
            if (!started.Succeeded)
            {
                throw new ImportRaceException(importId); // another delivery started it this instant: let the queue retry
            }

            record = started.Value;
            if (ontology is null)
            {
                var failed = record with { State = ImportState.Failed, Failure = "The project has no ontology yet (PUT /api/projects/{projectId}/ontology).", FinishedAt = time.GetUtcNow() };
                var saved = await imports.SaveAsync(failed, "import.failed", failed.FinishedAt!.Value, cancellationToken);
                return new ImportRun(importId, ImportState.Failed, ImportCounts.Zero, watch.Elapsed, TimeSpan.Zero, TimeSpan.Zero, !saved.Succeeded);
            }

            return await RunAsync(record, ontology, download.Content, watch, cancellationToken);
        }
    }

    private async Task<ImportRun> RunAsync(ImportDocument record, Domain.Ontologies.Ontology ontology, Stream content, Stopwatch watch, CancellationToken cancellationToken)
    {
        var errorPath = Path.Combine(Path.GetTempPath(), $"funclabel-import-{Guid.NewGuid():N}.errors.ndjson");
        var errorFile = new FileStream(errorPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        await using (errorFile)
        {
            var firstErrors = new List<ImportLineError>();
            var counting = new CountingStream(content);
            var planner = new PrelabelPlanner(record.ProjectId, record.ImportId, ontology, assets)
            {
                MaxLineBytes = configuration.GetValue("Imports:MaxLineBytes", 16 * 1024 * 1024),
                OnRejected = async (error, ct) =>
                {
                    if (firstErrors.Count < ImportDocument.FirstErrorsKept)
                    {
                        firstErrors.Add(error);
                    }

                    await JsonSerializer.SerializeAsync(errorFile, error, FuncLabelJson.Options, ct);
                    errorFile.WriteByte((byte)'\n');
                },
                OnNewSchemaIds = (ids, ct) => ontologies.RecordUsageAsync(record.ProjectId, ids, ct),
            };

            long writeTicks = 0;
            var progressLock = new SemaphoreSlim(1, 1);
            var nextProgressAt = (long)ProgressEvery;
            await Parallel.ForEachAsync(
                planner.PlanAsync(counting, cancellationToken),
                new ParallelOptions { MaxDegreeOfParallelism = WriteConcurrency, CancellationToken = cancellationToken },
                async (write, ct) =>
                {
                    var started = Stopwatch.GetTimestamp();
                    if (write.Prelabel is { } prelabel)
                    {
                        await prelabels.UpsertAsync(prelabel, ct);
                    }
                    else
                    {
                        await prelabels.ParkAsync(write.Pending!, ct);
                    }

                    Interlocked.Add(ref writeTicks, Stopwatch.GetTimestamp() - started);
                    if (planner.Tally.Lines >= Interlocked.Read(ref nextProgressAt) && await progressLock.WaitAsync(0, ct))
                    {
                        try
                        {
                            Interlocked.Exchange(ref nextProgressAt, planner.Tally.Lines + ProgressEvery);
                            record = await SaveProgressAsync(record, planner.Tally.Snapshot(), counting.BytesRead, firstErrors, ct);
                        }
                        finally
                        {
                            progressLock.Release();
                        }
                    }
                });

            foreach (var key in planner.ParkedKeys)
            {
                if (await assets.GetAsync(record.ProjectId, HashedIds.AssetId(key), cancellationToken) is { Current: not null } arrived)
                {
                    await PendingPrelabels.ApplyAsync(prelabels, arrived, cancellationToken);
                }
            }

            string? errorBlob = null;
            if (planner.Tally.Rejected > 0)
            {
                errorBlob = $"{record.ProjectId}/{record.ImportId}.errors.ndjson";
                await errorFile.FlushAsync(cancellationToken);
                errorFile.Position = 0;
                var container = blobs.GetBlobContainerClient(StorageNames.BlobContainers.Imports);
                await container.CreateIfNotExistsAsync(cancellationToken);
                await container.GetBlobClient(errorBlob).UploadAsync(errorFile, new BlobUploadOptions { ContentType = "application/x-ndjson" }, cancellationToken);
            }

            var counts = planner.Tally.Snapshot();
            var finished = await FinishAsync(record, counts, counting.BytesRead, firstErrors, errorBlob, cancellationToken);
            return new ImportRun(record.ImportId, finished, counts, watch.Elapsed, planner.ParseTime, Stopwatch.GetElapsedTime(0, writeTicks), Skipped: false);
        }
    }

    /// <summary>Saves counts and progress without a ledger event; a write that lost a race is skipped (the next one catches up).</summary>
    private async Task<ImportDocument> SaveProgressAsync(ImportDocument record, ImportCounts counts, long bytesRead, List<ImportLineError> firstErrors, CancellationToken cancellationToken)
    {
        var written = await imports.UpdateProgressAsync(record with { Counts = counts, BytesRead = bytesRead, FirstErrors = [.. firstErrors] }, cancellationToken);
        if (written.Succeeded)
        {
            return written.Value;
        }

        return await imports.GetAsync(record.ProjectId, record.ImportId, cancellationToken) ?? record;
    }

    private async Task<ImportState> FinishAsync(ImportDocument record, ImportCounts counts, long bytesRead, List<ImportLineError> firstErrors, string? errorBlob, CancellationToken cancellationToken)
    {
        while (true)
        {
            var current = await imports.GetAsync(record.ProjectId, record.ImportId, cancellationToken) ?? record;
            if (current.BlobETag == record.BlobETag && current.State != ImportState.Running)
            {
                return current.State; // a concurrent delivery finished the same file with the same counts
            }

            var now = time.GetUtcNow();
            var done = current with
            {
                State = ImportState.Finished,
                Counts = counts,
                BytesRead = bytesRead,
                FirstErrors = [.. firstErrors],
                ErrorFile = errorBlob,
                FinishedAt = now,
            };
            if ((await imports.SaveAsync(done, "import.finished", now, cancellationToken)).Succeeded)
            {
                return ImportState.Finished;
            }
        }
    }

    private static ImportRun Skipped(string importId, Stopwatch watch) =>
        new(importId, ImportState.Failed, ImportCounts.Zero, watch.Elapsed, TimeSpan.Zero, TimeSpan.Zero, Skipped: true);

    private Task RecordErrorAsync(string projectId, BlobCreatedEvent blobEvent, string reason, string message, CancellationToken cancellationToken) =>
        assets.RecordErrorAsync(
            new IngestErrorDocument
            {
                Id = IngestErrorDocument.IdFor($"{blobEvent.Container}/{blobEvent.BlobName}/{blobEvent.ETag ?? blobEvent.Id}"),
                Pk = projectId,
                ProjectId = projectId,
                Container = blobEvent.Container,
                BlobName = blobEvent.BlobName,
                Reason = reason,
                Message = message,
                EventId = blobEvent.Id,
                At = time.GetUtcNow(),
            },
            cancellationToken);
}

/// <summary>Two deliveries of the same file started an import at the same instant; the loser fails and is retried.</summary>
public sealed class ImportRaceException(string importId) : Exception($"Import '{importId}' was started concurrently; retrying.");

/// <summary>A read-only pass-through that counts bytes, for import progress.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    private long _read;

    public long BytesRead => Interlocked.Read(ref _read);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        Interlocked.Add(ref _read, read);
        return read;
    }
}
