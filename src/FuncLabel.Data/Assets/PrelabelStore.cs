using System.Net;
using FuncLabel.Data.Cosmos;
using FuncLabel.Domain.Ingestion;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Assets;

/// <summary>How an order-checked write ended.</summary>
public enum OrderedWriteOutcome
{
    /// <summary>No document had this id: created.</summary>
    Created,

    /// <summary>The stored document came from the same or an older line: replaced.</summary>
    Replaced,

    /// <summary>The stored document came from a newer file (or a later line of the same file): left as it was.</summary>
    KeptNewer,
}

/// <summary>How parking a line ended, and the line it replaced or kept (null when it created one).</summary>
public sealed record ParkOutcome(OrderedWriteOutcome Outcome, PendingPrelabelDocument? Other);

/// <summary>How removing an applied pending line ended.</summary>
public enum PendingRemoval
{
    /// <summary>This call deleted it: the caller is the one that applied it.</summary>
    Removed,

    /// <summary>Already gone: another delivery applied it.</summary>
    Gone,

    /// <summary>A newer line replaced it since it was read: that line is still to apply.</summary>
    Replaced,
}

/// <summary>Imported annotations (<c>labels</c>) and lines waiting for their asset (<c>pending</c>).</summary>
/// <remarks>
/// Pre-label and pending writes are ordered (<see cref="PrelabelOrder"/>). A pre-label write is a create, and when the
/// id exists a patch of the import's fields with the filter "the stored key is missing or not greater than mine"; no
/// line is ever read. The order is decided by the server in one conditional write, so concurrent writers of the same
/// id converge on the newest line without a read-modify-write loop. A fresh import costs one request per line (as an
/// upsert did); a caller that expects existing documents (a re-import) asks for the patch first, so that costs one
/// request per line too, and a wrong guess costs one extra (404 or 409).
/// </remarks>
public sealed class PrelabelStore(CosmosDatabase database)
{
    /// <summary>Attempts when the document disappears between the create and the patch (an asset delete cascade).</summary>
    private const int MaxAttempts = 3;

    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };

    private DocumentContainer Labels => database.Container(ContainerDefinitions.Labels);

    private DocumentContainer Pending => database.Container(ContainerDefinitions.Pending);

    /// <summary>Stores an imported annotation unless the stored one (same asset and uuid) comes from a newer line.</summary>
    /// <param name="expectExisting">
    /// Try the conditional patch before the create: right when the document probably exists (a re-import), so each
    /// line costs one request instead of a 409 and a patch. Either order gives the same outcome.
    /// </param>
    public Task<OrderedWriteOutcome> WriteAsync(PrelabelDocument document, bool expectExisting, CancellationToken cancellationToken) =>
        WriteOrderedAsync(
            Labels,
            document with { ETag = null },
            document.ImportOrder,
            expectExisting,
            [
                PatchOperation.Set("/annotation", document.Annotation),
                PatchOperation.Set("/route", document.Route),
                PatchOperation.Set("/importId", document.ImportId),
                PatchOperation.Set("/lineNumber", document.LineNumber),
                PatchOperation.Set("/ontologyVersion", document.OntologyVersion),
                PatchOperation.Set("/assetVersion", document.AssetVersion),
                PatchOperation.Set("/importOrder", document.ImportOrder),
            ],
            cancellationToken);

    /// <summary>
    /// Parks a line until its asset arrives, unless a line from a newer file already waits with the same uuid. Unlike
    /// <see cref="WriteAsync"/> it reads the existing line before replacing it (with its ETag), to tell the caller which
    /// import's line it replaced: that import no longer has the line pending. Parking is the rarer path, and only a
    /// replacement pays for the read.
    /// </summary>
    public async Task<ParkOutcome> ParkAsync(PendingPrelabelDocument document, CancellationToken cancellationToken)
    {
        var partitionKey = new PartitionKey(document.Pk);
        document = document with { ETag = null };
        while (true)
        {
            try
            {
                await Pending.Container.CreateItemAsync(document, partitionKey, NoContent, cancellationToken).ConfigureAwait(false);
                return new ParkOutcome(OrderedWriteOutcome.Created, null);
            }
            catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
            {
                // A line with this uuid already waits: compare orders.
            }

            var stored = await Pending.ReadAsync<PendingPrelabelDocument>(document.Pk, document.Id, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                continue; // applied and deleted meanwhile: create again
            }

            if (!PrelabelOrder.MayReplace(document.ImportOrder, stored.ImportOrder))
            {
                return new ParkOutcome(OrderedWriteOutcome.KeptNewer, stored);
            }

            var replaced = await Pending.ReplaceAsync(document, stored.ETag!, cancellationToken).ConfigureAwait(false);
            if (replaced.Succeeded)
            {
                return new ParkOutcome(OrderedWriteOutcome.Replaced, stored);
            }

            // Changed or deleted since the read: decide again.
        }
    }

    /// <summary>Every pre-label of an asset.</summary>
    public IAsyncEnumerable<PrelabelDocument> AllOfAssetAsync(string assetId, CancellationToken cancellationToken) =>
        Labels.QueryAllAsync<PrelabelDocument>(new PartitionQuery(assetId, "c.docType = 'prelabel'"), cancellationToken);

    /// <summary>Every line waiting for <paramref name="globalKey"/> in a project.</summary>
    public IAsyncEnumerable<PendingPrelabelDocument> PendingForAsync(string projectId, string globalKey, CancellationToken cancellationToken) =>
        Pending.QueryAllAsync<PendingPrelabelDocument>(new PartitionQuery(PendingPrelabelDocument.PartitionFor(projectId, globalKey)), cancellationToken);

    /// <summary>
    /// Removes an applied pending line if it is still the version that was read (its ETag): a line a newer file parked
    /// meanwhile under the same id is not lost.
    /// </summary>
    public async Task<PendingRemoval> RemovePendingAsync(PendingPrelabelDocument document, CancellationToken cancellationToken) =>
        await Pending.DeleteAsync(document.Pk, document.Id, document.ETag, cancellationToken).ConfigureAwait(false) switch
        {
            null => PendingRemoval.Removed,
            WriteFailure.Stale => PendingRemoval.Replaced,
            _ => PendingRemoval.Gone,
        };

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

    private static async Task<OrderedWriteOutcome> WriteOrderedAsync<T>(
        DocumentContainer documents, T document, string order, bool patchFirst, IReadOnlyList<PatchOperation> replaceFields, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        if (!PrelabelOrder.IsLiteralSafe(order))
        {
            throw new ArgumentException($"Order key '{order}' is not a PrelabelOrder key.", nameof(document));
        }

        var partitionKey = new PartitionKey(document.Pk);
        var condition = $"FROM c WHERE NOT IS_DEFINED(c.importOrder) OR c.importOrder <= '{order}'";
        for (var attempt = 1; ; attempt++)
        {
            if (!patchFirst || attempt > 1)
            {
                try
                {
                    await documents.Container.CreateItemAsync(document, partitionKey, NoContent, cancellationToken).ConfigureAwait(false);
                    return OrderedWriteOutcome.Created;
                }
                catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
                {
                    // The id exists: replace the import's fields only if the stored line is not newer.
                }
            }

            using var patched = await documents.Container.PatchItemStreamAsync(
                    document.Id,
                    partitionKey,
                    replaceFields,
                    new PatchItemRequestOptions { FilterPredicate = condition, EnableContentResponseOnWrite = false },
                    cancellationToken)
                .ConfigureAwait(false);
            if (patched.IsSuccessStatusCode)
            {
                return OrderedWriteOutcome.Replaced;
            }

            if (patched.StatusCode == HttpStatusCode.PreconditionFailed)
            {
                return OrderedWriteOutcome.KeptNewer;
            }

            if (patched.StatusCode != HttpStatusCode.NotFound || attempt == MaxAttempts)
            {
                throw new CosmosException(patched.ErrorMessage, patched.StatusCode, 0, patched.Headers.ActivityId, patched.Headers.RequestCharge);
            }

            // Missing (patch first on a new id, or deleted since the create): create.
        }
    }
}
