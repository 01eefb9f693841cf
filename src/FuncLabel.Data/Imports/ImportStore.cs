using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Imports;

/// <summary>Import records and upload requests in the <c>projects</c> container.</summary>
public sealed class ImportStore(CosmosDatabase database, StateWriter writer)
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
