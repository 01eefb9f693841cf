using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Data.Imports;

/// <summary>The states of an import: <c>running</c> → <c>finished</c> or <c>failed</c>.</summary>
internal enum ImportState
{
    Running,
    Finished,
    Failed,
}

/// <summary>
/// A pre-label import: container <c>projects</c>, pk <c>{projectId}</c>, id <c>import:{importId}</c>. Created when the
/// file's first event arrives, updated with counts and progress as the file is read, finished or failed at the end.
/// Counts are recomputed from the file by every run (never incremented across runs), so a redelivered event yields
/// the same counts, and an event for an already finished (or failed) blob ETag changes nothing.
/// </summary>
internal sealed record ImportDocument : VersionedDocument
{
    public override string DocType => "import";

    public required string ProjectId { get; init; }

    public required string ImportId { get; init; }

    public required ImportState State { get; init; }

    /// <summary><c>prelabels</c> blob name: <c>{projectId}/{importId}.ndjson</c>.</summary>
    public required string BlobName { get; init; }

    /// <summary>The ETag of the blob this run reads; a new ETag (a replaced file) starts a new run.</summary>
    public required string BlobETag { get; init; }

    /// <summary>Who asked for the upload URL (from the upload record), or <c>unknown</c> for a file placed directly.</summary>
    public required string RequestedBy { get; init; }

    public required int OntologyVersion { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public ImportCounts Counts { get; init; } = ImportCounts.Zero;

    /// <summary>
    /// Deliveries of this blob version since its last settled run: the blob trigger is retried by the host, which does
    /// not tell the worker which delivery it runs, so the import counts them to give up on the last one.
    /// </summary>
    public int Deliveries { get; init; }

    public long BytesRead { get; init; }

    public long TotalBytes { get; init; }

    /// <summary>The first rejected lines (up to <see cref="FirstErrorsKept"/>); the full list is in <see cref="ErrorFile"/>.</summary>
    public IReadOnlyList<ImportLineError> FirstErrors { get; init; } = [];

    /// <summary><c>imports</c> blob name of the error file (<c>{projectId}/{importId}.errors.ndjson</c>), once written.</summary>
    public string? ErrorFile { get; init; }

    /// <summary>Why the run failed (no ontology, unreadable file), when <see cref="State"/> is failed.</summary>
    public string? Failure { get; init; }

    /// <summary>What ended it when <see cref="State"/> is failed: one of <see cref="ImportFailureKinds"/>.</summary>
    public string? FailureKind { get; init; }

    /// <summary>
    /// When the run last showed it was alive (its start and every progress save). A <c>running</c> record whose heartbeat
    /// is older than any invocation can live was left by a run that died, and is failed as <c>stalled</c>.
    /// </summary>
    public DateTimeOffset? HeartbeatAt { get; init; }

    /// <summary>
    /// Lines this run parked (counted in <see cref="ImportCounts.Pending"/>) that have since been applied to their
    /// arrived asset, by route. Only incremented, by the delivery that deleted the parked line; the run's own writes
    /// carry the value they read, and a rerun starts again from zero (it re-parks only lines still waiting).
    /// </summary>
    public long AppliedAccepted { get; init; }

    /// <inheritdoc cref="AppliedAccepted"/>
    public long AppliedToReview { get; init; }

    public const int FirstErrorsKept = 50;

    public static string IdFor(string importId) => "import:" + importId;

    public static string Resource(string projectId, string importId) => $"import:{projectId}:{importId}";
}

/// <summary>Why an import ended as failed.</summary>
internal static class ImportFailureKinds
{
    /// <summary>The project had no ontology: the file was not read. A redelivery changes nothing.</summary>
    public const string NoOntology = "no_ontology";

    /// <summary>The run threw on the queue message's last allowed delivery. A new delivery (a message moved back from the
    /// poison queue, or a duplicate event) runs it again.</summary>
    public const string GaveUp = "gave_up";

    /// <summary>The run stopped showing progress for longer than an invocation can live (its process died). A new
    /// delivery runs it again.</summary>
    public const string Stalled = "stalled";

    /// <summary>True when a delivery for the same file version should run again rather than change nothing.</summary>
    public static bool MayRunAgain(string? kind) => kind is GaveUp or Stalled;
}

/// <summary>A rejected line as reported: line number, uuid as written (if readable), field path, reason code, message.</summary>
internal sealed record ImportLineError(long Line, string? Uuid, string Field, string Reason, string Message);

/// <summary>
/// Who asked for an upload URL: container <c>projects</c>, id <c>upload:{hash(container/blob)}</c>. Each request bumps
/// its version, so the ledger holds every request (docs/product.md, Who uses it: every upload and import traces back to a person).
/// </summary>
internal sealed record UploadDocument : VersionedDocument
{
    public override string DocType => "upload";

    public required string ProjectId { get; init; }

    public required string Container { get; init; }

    public required string BlobName { get; init; }

    public string? ImportId { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public static string IdFor(string container, string blobName) => "upload:" + HashedIds.Of(container + "/" + blobName);

    public static string Resource(string projectId, string id) => $"upload:{projectId}:{id["upload:".Length..]}";
}
