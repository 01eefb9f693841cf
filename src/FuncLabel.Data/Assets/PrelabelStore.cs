using System.Net;
using FuncLabel.Data.Cosmos;
using FuncLabel.Domain.Ingestion;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Assets;

/// <summary>How an order-checked write ended.</summary>
internal enum OrderedWriteOutcome
{
    /// <summary>No document had this id: created.</summary>
    Created,

    /// <summary>The stored document came from the same or an older line: replaced.</summary>
    Replaced,

    /// <summary>The stored document came from a newer file (or a later line of the same file): left as it was.</summary>
    KeptNewer,
}

/// <summary>How parking a line ended, and the line it replaced or kept (null when it created one).</summary>
internal sealed record ParkOutcome(OrderedWriteOutcome Outcome, PendingPrelabelDocument? Other);

/// <summary>How removing an applied pending line ended.</summary>
internal enum PendingRemoval
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
/// Pre-label and pending writes are ordered (<see cref="PrelabelOrder"/>): a create, and when the id exists a point read
/// and an ETag-conditional replace if the stored key is not greater. A fresh import costs one request per line, as the
/// upserts did. A re-import reads first (the importer guesses from what it has met so far), so it costs a read and a
/// replace. A patch with a filter predicate would decide in one request, but the local Cosmos server evaluates patch
/// filters by scanning the whole container, which made a 10,000-line re-import take over ten minutes.
/// </remarks>
internal sealed class PrelabelStore(CosmosDatabase database)
{
    private static readonly ItemRequestOptions NoContent = new() { EnableContentResponseOnWrite = false };

    private DocumentContainer Labels => database.Container(ContainerDefinitions.Labels);

    private DocumentContainer Pending => database.Container(ContainerDefinitions.Pending);

    /// <summary>Stores an imported annotation unless the stored one (same asset and uuid) comes from a newer line.</summary>
    /// <param name="expectExisting">
    /// Read before trying the create: right when the document probably exists (a re-import), saving the 409. Either
    /// order gives the same outcome.
    /// </param>
    public async Task<OrderedWriteOutcome> WriteAsync(PrelabelDocument document, bool expectExisting, CancellationToken cancellationToken) =>
        (await WriteOrderedAsync(Labels, document with { ETag = null }, document.ImportOrder, d => d.ImportOrder, readFirst: expectExisting, cancellationToken).ConfigureAwait(false)).Outcome;

    /// <summary>
    /// Parks a line until its asset arrives, unless a line from a newer file already waits with the same uuid. Tells the
    /// caller which import's line it replaced (or kept): that import no longer has the line pending.
    /// </summary>
    public async Task<ParkOutcome> ParkAsync(PendingPrelabelDocument document, CancellationToken cancellationToken)
    {
        var (outcome, other) = await WriteOrderedAsync(Pending, document with { ETag = null }, document.ImportOrder, d => d.ImportOrder, readFirst: false, cancellationToken).ConfigureAwait(false);
        return new ParkOutcome(outcome, other);
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

    /// <summary>
    /// Create; when the id exists, read it and replace it with its ETag if its key is not greater than
    /// <paramref name="order"/>; a replace that lost a race, or a document deleted meanwhile, decides again
    /// (<see cref="ConditionalUpdate"/>). Without <paramref name="readFirst"/>, the first round assumes there is no
    /// document and creates.
    /// </summary>
    private static Task<(OrderedWriteOutcome Outcome, T? Other)> WriteOrderedAsync<T>(
        DocumentContainer documents, T document, string order, Func<T, string?> orderOf, bool readFirst, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        var subject = $"document {document.Id} in {documents.Container.Id}/{document.Pk}";
        Task<T?> Read(CancellationToken ct) => documents.ReadAsync<T>(document.Pk, document.Id, ct);
        UpdateDecision<(OrderedWriteOutcome Outcome, T? Other)> Decide(T? stored) =>
            stored is null
                ? UpdateDecision<(OrderedWriteOutcome Outcome, T? Other)>.Write(ct => CreateQuietlyAsync(documents, document, ct), _ => (OrderedWriteOutcome.Created, null))
                : !PrelabelOrder.MayReplace(order, orderOf(stored))
                    ? UpdateDecision<(OrderedWriteOutcome Outcome, T? Other)>.Done((OrderedWriteOutcome.KeptNewer, stored))
                    : UpdateDecision<(OrderedWriteOutcome Outcome, T? Other)>.Write(ct => ReplaceQuietlyAsync(documents, document, stored.ETag!, ct), _ => (OrderedWriteOutcome.Replaced, stored));
        return readFirst
            ? ConditionalUpdate.RunAsync(subject, Read, Decide, cancellationToken)
            : ConditionalUpdate.RunAsync(subject, (T?)null, Read, Decide, cancellationToken);
    }

    /// <summary>Creates without the document in the answer (a line's write needs only whether it held).</summary>
    private static async Task<WriteResult<T>> CreateQuietlyAsync<T>(DocumentContainer documents, T document, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        try
        {
            await documents.Container.CreateItemAsync(document, new PartitionKey(document.Pk), NoContent, cancellationToken).ConfigureAwait(false);
            return WriteResult<T>.Ok(document);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return WriteResult<T>.Failed(WriteFailure.AlreadyExists);
        }
    }

    /// <summary>Replaces if the stored document still has <paramref name="ifMatch"/>, without the document in the answer.</summary>
    private static async Task<WriteResult<T>> ReplaceQuietlyAsync<T>(DocumentContainer documents, T document, string ifMatch, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        try
        {
            await documents.Container.ReplaceItemAsync(
                    document,
                    document.Id,
                    new PartitionKey(document.Pk),
                    new ItemRequestOptions { IfMatchEtag = ifMatch, EnableContentResponseOnWrite = false },
                    cancellationToken)
                .ConfigureAwait(false);
            return WriteResult<T>.Ok(document);
        }
        catch (CosmosException e) when (e.StatusCode is HttpStatusCode.PreconditionFailed or HttpStatusCode.NotFound)
        {
            return WriteResult<T>.Failed(e.StatusCode == HttpStatusCode.NotFound ? WriteFailure.Missing : WriteFailure.Stale);
        }
    }
}
