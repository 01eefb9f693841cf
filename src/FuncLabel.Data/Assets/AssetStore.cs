using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Assets;

/// <summary>Assets, their content claims, and ingestion errors.</summary>
internal sealed class AssetStore(CosmosDatabase database, StateWriter writer)
{
    private DocumentContainer Assets => database.Container(ContainerDefinitions.Assets);

    public Task<AssetDocument?> GetAsync(string projectId, string assetId, CancellationToken cancellationToken) =>
        Assets.ReadAsync<AssetDocument>(projectId, assetId, cancellationToken);

    /// <summary>Live (not deleted) assets of a project, a page at a time, in the server's order.</summary>
    public Task<Page<AssetDocument>> ListAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Assets.QueryPageAsync<AssetDocument>(new PartitionQuery(projectId, "c.docType = 'asset' AND IS_DEFINED(c.current) AND NOT IS_NULL(c.current)"), limit, continuationToken, cancellationToken);

    /// <summary>Creates (no <see cref="Cosmos.CosmosDocument.ETag"/>) or replaces (as read) the asset, with its ledger event.</summary>
    public Task<WriteResult<AssetDocument>> SaveAsync(AssetDocument asset, ChangeContext change, string action, IReadOnlyDictionary<string, string> details, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(asset, change, AssetDocument.Resource(asset.ProjectId, asset.Id), action, details);
        return asset.ETag is null
            ? writer.CreateAsync(ContainerDefinitions.Assets, next, cancellationToken)
            : writer.ReplaceAsync(ContainerDefinitions.Assets, next, cancellationToken);
    }

    /// <summary>
    /// Claims <paramref name="sha256"/> for <paramref name="assetId"/> unless another asset of the project has it;
    /// returns the owner (this asset when the claim is new or already its own).
    /// </summary>
    /// <remarks>
    /// Starts by creating the claim, as if there were none (the usual case: new content); when the id is taken, the
    /// owner is read. A claim deleted between the two (its owner was deleted) is claimed again.
    /// </remarks>
    public Task<string> ClaimContentAsync(string projectId, string sha256, string assetId, CancellationToken cancellationToken)
    {
        var claim = new ContentClaimDocument { Id = ContentClaimDocument.IdFor(sha256), Pk = projectId, AssetId = assetId };
        return ConditionalUpdate.RunAsync(
            $"content claim {claim.Id} of project {projectId}",
            (ContentClaimDocument?)null,
            ct => Assets.ReadAsync<ContentClaimDocument>(projectId, claim.Id, ct),
            existing => existing is not null
                ? UpdateDecision.Done(existing.AssetId)
                : UpdateDecision.Write(ct => Assets.CreateAsync(claim, ct), created => created.AssetId),
            cancellationToken);
    }

    /// <summary>Removes the content claim if <paramref name="assetId"/> owns it.</summary>
    public async Task ReleaseContentAsync(string projectId, string sha256, string assetId, CancellationToken cancellationToken)
    {
        var claim = await Assets.ReadAsync<ContentClaimDocument>(projectId, ContentClaimDocument.IdFor(sha256), cancellationToken).ConfigureAwait(false);
        if (claim is not null && claim.AssetId == assetId)
        {
            await Assets.DeleteAsync(projectId, claim.Id, claim.ETag, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records an ingestion error once (its id derives from the blob and ETag).</summary>
    public async Task RecordErrorAsync(IngestErrorDocument error, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(
            error,
            new ChangeContext("system", error.At, error.ProjectId),
            $"ingest-error:{error.ProjectId}:{error.Id["ingest-error:".Length..]}",
            "ingest.failed",
            new Dictionary<string, string> { ["blob"] = $"{error.Container}/{error.BlobName}", ["reason"] = error.Reason });
        await writer.CreateAsync(ContainerDefinitions.Projects, next, cancellationToken).ConfigureAwait(false); // AlreadyExists: recorded before
    }

    public Task<Page<IngestErrorDocument>> ListErrorsAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        database.Container(ContainerDefinitions.Projects).QueryPageAsync<IngestErrorDocument>(
            new PartitionQuery(projectId, "c.docType = 'ingest-error'"), limit, continuationToken, cancellationToken);
}
