using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using System.Text.Json;
using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Projects;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Serialization;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Ingestion;

/// <summary>What one import run did, for logs and the throughput benchmark.</summary>
internal sealed record ImportRun(string ImportId, ImportState State, ImportCounts Counts, TimeSpan Elapsed, TimeSpan ParseTime, TimeSpan WriteTime, bool Skipped);

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
/// stored twice. A run that throws on the blob's last allowed delivery is failed by <see cref="GiveUpAsync"/>; one
/// whose process died is failed by <see cref="StalledImports"/>.
/// </remarks>
internal sealed class PrelabelImporter(
    ImportFileStore files,
    ImportStore imports,
    AssetStore assets,
    ProjectStore projects,
    OntologyStore ontologies,
    PrelabelStore prelabels,
    IngestionErrors errors,
    IConfiguration configuration,
    TimeProvider time)
{
    public const int WriteConcurrency = 16;
    public const int ProgressEvery = 2_000;
    private const string Suffix = ".ndjson";

    /// <summary>Imports the file <paramref name="blobEvent"/> names, opened by its name; never gives up on a failing run.</summary>
    public Task<ImportRun> ImportAsync(BlobCreatedEvent blobEvent, CancellationToken cancellationToken) =>
        ImportAsync(blobEvent, blob: null, maxDeliveries: int.MaxValue, cancellationToken);

    /// <summary>
    /// Imports the file <paramref name="blobEvent"/> names, read through <paramref name="blob"/> (the trigger's client)
    /// when given. A run that throws on delivery <paramref name="maxDeliveries"/> of the same blob version (counted on
    /// the import record) ends the import as failed with the error before the exception goes on.
    /// </summary>
    public async Task<ImportRun> ImportAsync(BlobCreatedEvent blobEvent, BlobClient? blob, int maxDeliveries, CancellationToken cancellationToken)
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
            await errors.RecordAsync(path.ProjectId, blobEvent, "invalid_path", "Pre-label files are named {projectId}/{importId}.ndjson with an id of 3–63 characters a-z, 0-9, '-'.", cancellationToken);
            return Skipped(importId ?? "", watch);
        }

        if (await projects.GetProjectAsync(path.ProjectId, cancellationToken) is null)
        {
            await errors.RecordAsync(path.ProjectId, blobEvent, "unknown_project", $"No project '{path.ProjectId}'.", cancellationToken);
            return Skipped(importId, watch);
        }

        var opened = blob is null
            ? await files.OpenPrelabelFileAsync(path.ProjectId, importId, cancellationToken)
            : await ImportFileStore.OpenAsync(blob, cancellationToken);
        if (opened is not { } download)
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
            var record = RunningImport(path.ProjectId, importId, blobEvent.BlobName, etag, upload, ontology?.Version ?? 0, time.GetUtcNow()) with
            {
                HeartbeatAt = time.GetUtcNow(),
                TotalBytes = download.Details.ContentLength,
                Deliveries = existing is { State: ImportState.Running } && existing.BlobETag == etag ? existing.Deliveries + 1 : 1,
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
            try
            {
                return await RunAsync(record, ontology, orderPrefix, download.Content, watch, cancellationToken);
            }
            catch (Exception e) when (record.Deliveries >= maxDeliveries && e is not OperationCanceledException)
            {
                var reason = string.Create(CultureInfo.InvariantCulture, $"The import failed on delivery {record.Deliveries} of {maxDeliveries} and will not be retried: {e.GetType().Name}: {e.Message}");
                await GiveUpAsync(blobEvent, reason.Length > 1000 ? reason[..1000] : reason, cancellationToken);
                throw;
            }
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

    private Task<ImportState> FinishAsync(ImportDocument record, ImportCounts counts, long bytesRead, List<ImportLineError> firstErrors, string? errorBlob, CancellationToken cancellationToken) =>
        ConditionalUpdate.RunAsync(
            $"import {record.ProjectId}/{record.ImportId}",
            async ct => await imports.GetAsync(record.ProjectId, record.ImportId, ct) ?? record,
            current =>
            {
                if (current.BlobETag == record.BlobETag && IsSettled(current))
                {
                    return UpdateDecision.Done(current.State); // a concurrent delivery finished the same file with the same counts
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
                return UpdateDecision.Write(ct => imports.SaveAsync(done, "import.finished", now, ct), _ => ImportState.Finished);
            },
            cancellationToken);

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

        await ConditionalUpdate.RunAsync(
            $"import {path.ProjectId}/{importId}",
            ct => imports.GetAsync(path.ProjectId, importId, ct),
            async (existing, ct) =>
            {
                if (existing is not null && existing.State != ImportState.Running)
                {
                    return UpdateDecision.Done(true);
                }

                var now = time.GetUtcNow();
                var upload = existing is null ? await imports.GetUploadAsync(path.ProjectId, StorageNames.BlobContainers.Prelabels, blobEvent.BlobName, ct) : null;
                var failed = (existing ?? RunningImport(path.ProjectId, importId, blobEvent.BlobName, blobEvent.ETag ?? "", upload, ontologyVersion: 0, now)) with
                {
                    State = ImportState.Failed,
                    Failure = reason,
                    FailureKind = ImportFailureKinds.GaveUp,
                    FinishedAt = now,
                };
                return UpdateDecision.Write(ct => imports.SaveAsync(failed, "import.failed", now, ct), _ => true); // progress or another delivery wrote meanwhile: read again
            },
            cancellationToken);
    }

    /// <summary>A new import record for a file version, running from <paramref name="startedAt"/>; the uploader comes from its upload record.</summary>
    private static ImportDocument RunningImport(
        string projectId, string importId, string blobName, string blobETag, UploadDocument? upload, int ontologyVersion, DateTimeOffset startedAt) => new()
    {
        Id = ImportDocument.IdFor(importId),
        Pk = projectId,
        ProjectId = projectId,
        ImportId = importId,
        State = ImportState.Running,
        BlobName = blobName,
        BlobETag = blobETag,
        RequestedBy = upload?.RequestedBy ?? "unknown",
        OntologyVersion = ontologyVersion,
        StartedAt = startedAt,
    };

    /// <summary>True when a delivery for the record's file version has nothing to do.</summary>
    private static bool IsSettled(ImportDocument record) =>
        record.State == ImportState.Finished || (record.State == ImportState.Failed && !ImportFailureKinds.MayRunAgain(record.FailureKind));

    private static ImportRun Skipped(string importId, Stopwatch watch) =>
        new(importId, ImportState.Failed, ImportCounts.Zero, watch.Elapsed, TimeSpan.Zero, TimeSpan.Zero, Skipped: true);
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
internal sealed class ImportRaceException(string importId) : Exception($"Import '{importId}' was started concurrently; retrying.");
