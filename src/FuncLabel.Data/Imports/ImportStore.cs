using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Imports;

/// <summary>Import records and upload requests in the <c>projects</c> container.</summary>
internal sealed class ImportStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Container = ContainerDefinitions.Projects;

    private DocumentContainer Documents => database.Container(Container);

    public Task<ImportDocument?> GetAsync(string projectId, string importId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<ImportDocument>(projectId, ImportDocument.IdFor(importId), cancellationToken);

    public Task<Page<ImportDocument>> ListAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<ImportDocument>(new PartitionQuery(projectId, "c.docType = 'import'"), limit, continuationToken, cancellationToken);

    /// <summary>Creates (no ETag) or replaces (as read) the record with a ledger event named <paramref name="action"/>.</summary>
    public Task<WriteResult<ImportDocument>> SaveAsync(ImportDocument import, string action, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(
            import,
            new ChangeContext("system", at, import.ProjectId),
            ImportDocument.Resource(import.ProjectId, import.ImportId),
            action,
            new Dictionary<string, string>
            {
                ["importId"] = import.ImportId,
                ["requestedBy"] = import.RequestedBy,
                ["state"] = import.State.ToString().ToLowerInvariant(),
                ["lines"] = import.Counts.Lines.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        return import.ETag is null ? writer.CreateAsync(Container, next, cancellationToken) : writer.ReplaceAsync(Container, next, cancellationToken);
    }

    /// <summary>
    /// A progress update: same version, no ledger event (the start and the end are in the ledger; progress is not a
    /// change anyone is accountable for). Conditional on the ETag; a stale write is simply skipped by the caller.
    /// </summary>
    public Task<WriteResult<ImportDocument>> UpdateProgressAsync(ImportDocument import, CancellationToken cancellationToken) =>
        Documents.ReplaceAsync(import, import.ETag!, cancellationToken);

    /// <summary>Imports of a project still in state <c>running</c>.</summary>
    public IAsyncEnumerable<ImportDocument> RunningAsync(string projectId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<ImportDocument>(new PartitionQuery(projectId, "c.docType = 'import' AND c.state = 'running'"), cancellationToken);

    /// <summary>
    /// Adds lines applied from <c>pending</c> to the import's <see cref="ImportDocument.AppliedAccepted"/> /
    /// <see cref="ImportDocument.AppliedToReview"/>: one atomic patch (no ETag, so it never loses to a progress save; a
    /// progress save that read before it fails on the ETag and re-reads). A missing import is ignored.
    /// </summary>
    public async Task CountAppliedAsync(string projectId, string importId, long accepted, long toReview, CancellationToken cancellationToken)
    {
        if (accepted == 0 && toReview == 0)
        {
            return;
        }

        await Documents.PatchAsync<ImportDocument>(
                projectId,
                ImportDocument.IdFor(importId),
                [PatchOperation.Increment("/appliedAccepted", accepted), PatchOperation.Increment("/appliedToReview", toReview)],
                null,
                null,
                cancellationToken)
            .ConfigureAwait(false); // Missing: the import record is gone; nothing to count on.
    }

    public Task<UploadDocument?> GetUploadAsync(string projectId, string container, string blobName, CancellationToken cancellationToken) =>
        Documents.ReadAsync<UploadDocument>(projectId, UploadDocument.IdFor(container, blobName), cancellationToken);

    /// <summary>Records an upload request (a new document or a new version of the path's record).</summary>
    public Task<WriteResult<UploadDocument>> RecordUploadAsync(UploadDocument upload, UploadDocument? current, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(
            upload with { Version = current?.Version ?? 0, Outbox = current?.Outbox ?? [], ETag = current?.ETag },
            new ChangeContext(upload.RequestedBy, upload.RequestedAt, upload.ProjectId),
            UploadDocument.Resource(upload.ProjectId, upload.Id),
            "upload.requested",
            new Dictionary<string, string> { ["blob"] = $"{upload.Container}/{upload.BlobName}", ["importId"] = upload.ImportId ?? "" });
        return current is null ? writer.CreateAsync(Container, next, cancellationToken) : writer.ReplaceAsync(Container, next, cancellationToken);
    }
}
