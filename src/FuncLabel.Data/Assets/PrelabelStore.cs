using FuncLabel.Data.Cosmos;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Assets;

/// <summary>Imported annotations (<c>labels</c>) and lines waiting for their asset (<c>pending</c>).</summary>
public sealed class PrelabelStore(CosmosDatabase database)
{
    private DocumentContainer Labels => database.Container(ContainerDefinitions.Labels);

    private DocumentContainer Pending => database.Container(ContainerDefinitions.Pending);

    /// <summary>Stores or overwrites (same asset and uuid) an imported annotation. Idempotent.</summary>
    public Task UpsertAsync(PrelabelDocument document, CancellationToken cancellationToken) =>
        Labels.Container.UpsertItemAsync(document with { ETag = null }, new PartitionKey(document.Pk), NoContent, cancellationToken);

    /// <summary>Parks a line until its asset arrives; a later line with the same uuid and globalKey overwrites it.</summary>
    public Task ParkAsync(PendingPrelabelDocument document, CancellationToken cancellationToken) =>
        Pending.Container.UpsertItemAsync(document with { ETag = null }, new PartitionKey(document.Pk), NoContent, cancellationToken);

    /// <summary>Every pre-label of an asset.</summary>
    public IAsyncEnumerable<PrelabelDocument> AllOfAssetAsync(string assetId, CancellationToken cancellationToken) =>
        Labels.QueryAllAsync<PrelabelDocument>(new PartitionQuery(assetId, "c.docType = 'prelabel'"), cancellationToken);

    /// <summary>Every line waiting for <paramref name="globalKey"/> in a project.</summary>
    public IAsyncEnumerable<PendingPrelabelDocument> PendingForAsync(string projectId, string globalKey, CancellationToken cancellationToken) =>
        Pending.QueryAllAsync<PendingPrelabelDocument>(new PartitionQuery(PendingPrelabelDocument.PartitionFor(projectId, globalKey)), cancellationToken);

    /// <summary>Removes an applied pending line; already gone is fine (a redelivery applied it).</summary>
    public Task RemovePendingAsync(PendingPrelabelDocument document, CancellationToken cancellationToken) =>
        Pending.DeleteAsync(document.Pk, document.Id, null, cancellationToken);

    /// <summary>Deletes every document of the asset's <c>labels</c> partition (the delete cascade); returns how many.</summary>
    public async Task<int> DeleteAllOfAssetAsync(string assetId, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        await foreach (var id in Labels.QueryAllAsync<string>(new PartitionQuery(assetId, null, "VALUE c.id"), cancellationToken).ConfigureAwait(false))
        {
            ids.Add(id);
        }

        foreach (var id in ids)
        {
            await Labels.DeleteAsync(assetId, id, null, cancellationToken).ConfigureAwait(false);
        }

        return ids.Count;
    }

    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };

}
