using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Assets;

/// <summary>
/// An upload that could not be ingested: container <c>projects</c>, pk = the project named by the blob path (which may
/// not exist — admins can still read it), id <c>ingest-error:{hash(container/blob/etag)}</c>, so a redelivered event
/// records it once.
/// </summary>
internal sealed record IngestErrorDocument : VersionedDocument
{
    public override string DocType => "ingest-error";

    public required string ProjectId { get; init; }

    public required string Container { get; init; }

    public required string BlobName { get; init; }

    /// <summary>Lower snake_case: <c>unknown_project</c>, <c>invalid_path</c>, <c>blob_missing</c>, <c>import_failed</c>.</summary>
    public required string Reason { get; init; }

    public required string Message { get; init; }

    public required string EventId { get; init; }

    public required DateTimeOffset At { get; init; }

    public static string IdFor(string key) => "ingest-error:" + Domain.Ingestion.HashedIds.Of(key);
}
