using System.Diagnostics;
using System.Text.Json;
using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Projects;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Ingestion;

/// <summary>What one import run did, for logs and the throughput benchmark.</summary>
public sealed record ImportRun(string ImportId, ImportState State, ImportCounts Counts, TimeSpan Elapsed, TimeSpan ParseTime, TimeSpan WriteTime, bool Skipped);

/// <summary>
/// Imports a pre-label NDJSON file from its blob-created event (<c>prelabels/{projectId}/{importId}.ndjson</c>).
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>The import record for (import id, blob ETag) decides whether there is anything to do: finished, or failed
/// for a reason a rerun cannot change, for this ETag → nothing (a redelivery). Otherwise (new, still running after a
/// crash, or failed as <c>gave_up</c>/<c>stalled</c>) the record is (re)started as <c>running</c> with zero counts, pinned
/// to the current ontology version.</item>
/// <item>The file is streamed line by line through <see cref="PrelabelPlanner"/>; its writes (ids from (asset, uuid) or
/// (globalKey, uuid), ordered by <see cref="PrelabelOrder"/> keys from the file's Last-Modified and ETag, so a line of
/// an older file never replaces a newer file's) run with at most <see cref="WriteConcurrency"/> in flight. Rejected lines go to a
/// temporary file, uploaded at the end as <c>imports/{projectId}/{importId}.errors.ndjson</c> (never into
/// <c>prelabels</c>, which triggers work). Counts and progress are saved every <see cref="ProgressEvery"/> lines.</item>
/// <item>Lines parked for assets that arrived during the run are applied (<see cref="PendingPrelabels"/>), then the
/// record is finished with the final counts.</item>
/// </list>
/// A redelivery while a run is in progress (or after a crash) runs again from the start: every write is an idempotent
/// write of the same content with the same order key, and counts are recomputed, never added, so nothing is counted or
/// stored twice. A run that throws on the message's last allowed delivery is failed by <see cref="GiveUpAsync"/>; one
/// whose process died is failed by <see cref="StalledImports"/>.
/// </remarks>
public sealed class PrelabelImporter(
    ImportFileStore files,
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

        if (await files.OpenPrelabelFileAsync(path.ProjectId, importId, cancellationToken) is not { } download)
        {
            return Skipped(importId, watch);
        }

        using (download)
        {
            var etag = download.Details.ETag.ToString();
            var existing = await imports.GetAsync(path.ProjectId, importId, cancellationToken);
            if (existing is not null && existing.BlobETag == etag && IsSettled(existing))
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
                HeartbeatAt = time.GetUtcNow(),
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
                var failed = record with { State = ImportState.Failed, Failure = "The project has no ontology yet (PUT /api/projects/{projectId}/ontology).", FailureKind = ImportFailureKinds.NoOntology, FinishedAt = time.GetUtcNow() };
                var saved = await imports.SaveAsync(failed, "import.failed", failed.FinishedAt!.Value, cancellationToken);
                return new ImportRun(importId, ImportState.Failed, ImportCounts.Zero, watch.Elapsed, TimeSpan.Zero, TimeSpan.Zero, !saved.Succeeded);
            }

            var orderPrefix = PrelabelOrder.ImportPrefix(download.Details.LastModified, etag);
            return await RunAsync(record, ontology, orderPrefix, download.Content, watch, cancellationToken);
        }
    }

    private async Task<ImportRun> RunAsync(ImportDocument record, Domain.Ontologies.Ontology ontology, string orderPrefix, Stream content, Stopwatch watch, CancellationToken cancellationToken)
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
                ImportOrderPrefix = orderPrefix,
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
            long created = 0;
            long existed = 0;
            var superseded = new SupersededLines();
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
                        // Guess from what this run has met so far: a re-import finds its documents, a fresh one does not.
                        var outcome = await prelabels.WriteAsync(prelabel, expectExisting: Interlocked.Read(ref existed) > Interlocked.Read(ref created), ct);
                        Interlocked.Increment(ref outcome == OrderedWriteOutcome.Created ? ref created : ref existed);
                    }
                    else
                    {
                        await ParkAsync(write.Pending!, superseded, ct);
                    }

                    Interlocked.Add(ref writeTicks, Stopwatch.GetTimestamp() - started);
                    if (planner.Tally.Lines >= Interlocked.Read(ref nextProgressAt) && await progressLock.WaitAsync(0, ct))
                    {
                        try
                        {
                            Interlocked.Exchange(ref nextProgressAt, planner.Tally.Lines + ProgressEvery);
                            record = await SaveProgressAsync(record, superseded.Adjust(planner.Tally.Snapshot()), counting.BytesRead, firstErrors, ct);
                        }
                        finally
                        {
                            progressLock.Release();
                        }
                    }
                });

            foreach (var key in planner.ParkedKeys)
            {
                if (await assets.GetAsync(record.ProjectId, HashedIds.AssetId(record.ProjectId, key), cancellationToken) is { Current: not null } arrived)
                {
                    await PendingPrelabels.ApplyAsync(prelabels, imports, arrived, cancellationToken);
                }
            }

            string? errorBlob = null;
            if (planner.Tally.Rejected > 0)
            {
                await errorFile.FlushAsync(cancellationToken);
                errorFile.Position = 0;
                errorBlob = await files.WriteErrorFileAsync(record.ProjectId, record.ImportId, errorFile, cancellationToken);
            }

            var counts = superseded.Adjust(planner.Tally.Snapshot());
            var finished = await FinishAsync(record, counts, counting.BytesRead, firstErrors, errorBlob, cancellationToken);
            return new ImportRun(record.ImportId, finished, counts, watch.Elapsed, planner.ParseTime, Stopwatch.GetElapsedTime(0, writeTicks), Skipped: false);
        }
    }

    /// <summary>
    /// Parks a line whose asset is not there yet. A line of a newer file already waiting with the same uuid keeps its
    /// place: this line will never be applied, so it is counted by its route instead of as pending (as a direct
    /// pre-label later replaced by a re-import stays counted in its import). Replacing another import's waiting line
    /// counts that line likewise on that import, once (only the replacing write knows).
    /// </summary>
    private async Task ParkAsync(PendingPrelabelDocument line, SupersededLines superseded, CancellationToken cancellationToken)
    {
        var parked = await prelabels.ParkAsync(line, cancellationToken);
        if (parked.Outcome == OrderedWriteOutcome.KeptNewer)
        {
            superseded.Add(line.Route);
        }
        else if (parked is { Outcome: OrderedWriteOutcome.Replaced, Other: { } replaced } && replaced.ImportId != line.ImportId)
        {
            var accepted = replaced.Route == Domain.Ontologies.ConfidenceRoute.Accept ? 1 : 0;
            await imports.CountAppliedAsync(line.ProjectId, replaced.ImportId, accepted, 1 - accepted, cancellationToken);
        }
    }

    /// <summary>Saves counts and progress without a ledger event; a write that lost a race is skipped (the next one catches up).</summary>
    private async Task<ImportDocument> SaveProgressAsync(ImportDocument record, ImportCounts counts, long bytesRead, List<ImportLineError> firstErrors, CancellationToken cancellationToken)
    {
        var written = await imports.UpdateProgressAsync(record with { Counts = counts, BytesRead = bytesRead, FirstErrors = [.. firstErrors], HeartbeatAt = time.GetUtcNow() }, cancellationToken);
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
            if (current.BlobETag == record.BlobETag && IsSettled(current))
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

    /// <summary>
    /// Marks the import of <paramref name="blobEvent"/> failed (<c>gave_up</c>, with <paramref name="reason"/>) when its
    /// run threw on the queue message's last allowed delivery: the host moves the message to the poison queue next, and
    /// the record would otherwise stay <c>running</c> forever. A record that is already finished or failed is left alone;
    /// one that does not exist yet (the run failed before creating it) is created failed, so the import id answers.
    /// </summary>
    public async Task GiveUpAsync(BlobCreatedEvent blobEvent, string reason, CancellationToken cancellationToken)
    {
        var path = AssetPath.FromBlobName(blobEvent.BlobName);
        var importId = path?.Path.EndsWith(Suffix, StringComparison.Ordinal) == true ? path.Path[..^Suffix.Length] : null;
        if (path is null || !Ids.IsProjectId(path.ProjectId) || importId is null || !Ids.IsResourceId(importId)
            || await projects.GetProjectAsync(path.ProjectId, cancellationToken) is null)
        {
            return; // recorded as an ingestion error (or ignored) by the run itself: no import record to end
        }

        while (true)
        {
            var existing = await imports.GetAsync(path.ProjectId, importId, cancellationToken);
            if (existing is not null && existing.State != ImportState.Running)
            {
                return;
            }

            var now = time.GetUtcNow();
            var upload = existing is null ? await imports.GetUploadAsync(path.ProjectId, StorageNames.BlobContainers.Prelabels, blobEvent.BlobName, cancellationToken) : null;
            var failed = (existing ?? new ImportDocument
            {
                Id = ImportDocument.IdFor(importId),
                Pk = path.ProjectId,
                ProjectId = path.ProjectId,
                ImportId = importId,
                State = ImportState.Running,
                BlobName = blobEvent.BlobName,
                BlobETag = blobEvent.ETag ?? "",
                RequestedBy = upload?.RequestedBy ?? "unknown",
                OntologyVersion = 0,
                StartedAt = now,
            }) with
            {
                State = ImportState.Failed,
                Failure = reason,
                FailureKind = ImportFailureKinds.GaveUp,
                FinishedAt = now,
            };
            if ((await imports.SaveAsync(failed, "import.failed", now, cancellationToken)).Succeeded)
            {
                return;
            }

            // Progress or another delivery wrote meanwhile: read again.
        }
    }

    /// <summary>True when a delivery for the record's file version has nothing to do.</summary>
    private static bool IsSettled(ImportDocument record) =>
        record.State == ImportState.Finished || (record.State == ImportState.Failed && !ImportFailureKinds.MayRunAgain(record.FailureKind));

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

/// <summary>Lines of this run that a newer file's waiting line superseded: counted by route instead of as pending. Thread-safe.</summary>
internal sealed class SupersededLines
{
    private long _accepted;
    private long _toReview;

    public void Add(Domain.Ontologies.ConfidenceRoute route)
    {
        if (route == Domain.Ontologies.ConfidenceRoute.Accept)
        {
            Interlocked.Increment(ref _accepted);
        }
        else
        {
            Interlocked.Increment(ref _toReview);
        }
    }

    public ImportCounts Adjust(ImportCounts counts)
    {
        var accepted = Interlocked.Read(ref _accepted);
        var toReview = Interlocked.Read(ref _toReview);
        return counts with { Pending = counts.Pending - accepted - toReview, Accepted = counts.Accepted + accepted, ToReview = counts.ToReview + toReview };
    }
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
