using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Cosmos;

/// <summary>
/// The Cosmos operations stores are built from: point reads, conditional writes returning
/// <see cref="WriteResult{T}"/>, and single-partition queries through <see cref="PartitionQuery"/>.
/// Not a repository: stores wrap it and expose only the operations their callers use.
/// </summary>
internal sealed class DocumentContainer
{
    public DocumentContainer(Container container) => Container = container;

    public Container Container { get; }

    /// <summary>Point read; null when the document does not exist.</summary>
    public async Task<T?> ReadAsync<T>(string partitionKey, string id, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        try
        {
            var response = await Container.ReadItemAsync<T>(id, new PartitionKey(partitionKey), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return WithETag(response);
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Creates the document; <see cref="WriteFailure.AlreadyExists"/> when its id is taken in its partition.</summary>
    public async Task<WriteResult<T>> CreateAsync<T>(T document, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        try
        {
            var response = await Container.CreateItemAsync(document, new PartitionKey(document.Pk), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return WriteResult<T>.Ok(WithETag(response));
        }
        catch (CosmosException e) when (e.StatusCode == HttpStatusCode.Conflict)
        {
            return WriteResult<T>.Failed(WriteFailure.AlreadyExists);
        }
    }

    /// <summary>Replaces the document only if it still has <paramref name="ifMatch"/>.</summary>
    public async Task<WriteResult<T>> ReplaceAsync<T>(T document, string ifMatch, CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        ArgumentException.ThrowIfNullOrEmpty(ifMatch);
        try
        {
            var response = await Container.ReplaceItemAsync(
                    document with { ETag = null },
                    document.Id,
                    new PartitionKey(document.Pk),
                    new ItemRequestOptions { IfMatchEtag = ifMatch },
                    cancellationToken)
                .ConfigureAwait(false);
            return WriteResult<T>.Ok(WithETag(response));
        }
        catch (CosmosException e) when (Failure(e.StatusCode) is { } failure)
        {
            return WriteResult<T>.Failed(failure);
        }
    }

    /// <summary>
    /// Patches the document, optionally only if it has <paramref name="ifMatch"/> and/or satisfies
    /// <paramref name="condition"/> (a <c>FROM c WHERE …</c> predicate).
    /// </summary>
    public async Task<WriteResult<T>> PatchAsync<T>(
        string partitionKey,
        string id,
        IReadOnlyList<PatchOperation> operations,
        string? condition,
        string? ifMatch,
        CancellationToken cancellationToken)
        where T : CosmosDocument
    {
        try
        {
            var response = await Container.PatchItemAsync<T>(
                    id,
                    new PartitionKey(partitionKey),
                    operations,
                    new PatchItemRequestOptions { FilterPredicate = condition, IfMatchEtag = ifMatch },
                    cancellationToken)
                .ConfigureAwait(false);
            return WriteResult<T>.Ok(WithETag(response));
        }
        catch (CosmosException e) when (Failure(e.StatusCode) is { } failure)
        {
            return WriteResult<T>.Failed(failure);
        }
    }

    /// <summary>Deletes the document; null when deleted, else why not (already gone, or changed since <paramref name="ifMatch"/>).</summary>
    public async Task<WriteFailure?> DeleteAsync(string partitionKey, string id, string? ifMatch, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Container.DeleteItemStreamAsync(
                    id,
                    new PartitionKey(partitionKey),
                    new ItemRequestOptions { IfMatchEtag = ifMatch },
                    cancellationToken)
                .ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : Failure(response.StatusCode)
                ?? throw new CosmosException(response.ErrorMessage, response.StatusCode, 0, response.Headers.ActivityId, response.Headers.RequestCharge);
        }
        catch (CosmosException e) when (Failure(e.StatusCode) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>One page of a single-partition query.</summary>
    public async Task<Page<T>> QueryPageAsync<T>(PartitionQuery query, int maxItems, string? continuationToken, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxItems, 1);
        using var iterator = Container.GetItemQueryIterator<T>(query.ToDefinition(), continuationToken, query.ToOptions(maxItems));
        var items = new List<T>(maxItems);
        string? next = continuationToken;

        // The server may answer an empty page with a continuation; keep reading until items or the end.
        while (iterator.HasMoreResults && items.Count == 0)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            items.AddRange(page);
            next = page.ContinuationToken;
        }

        return new Page<T>(items, iterator.HasMoreResults ? next : null);
    }

    /// <summary>Every result of a single-partition query, read page by page.</summary>
    public async IAsyncEnumerable<T> QueryAllAsync<T>(PartitionQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var iterator = Container.GetItemQueryIterator<T>(query.ToDefinition(), null, query.ToOptions(null));
        while (iterator.HasMoreResults)
        {
            var page = await iterator.ReadNextAsync(cancellationToken).ConfigureAwait(false);
            foreach (var item in page)
            {
                yield return item;
            }
        }
    }

    private static T WithETag<T>(ItemResponse<T> response)
        where T : CosmosDocument => response.Resource with { ETag = response.ETag };

    private static WriteFailure? Failure(HttpStatusCode status) => status switch
    {
        HttpStatusCode.Conflict => WriteFailure.AlreadyExists,
        HttpStatusCode.PreconditionFailed => WriteFailure.Stale,
        HttpStatusCode.NotFound => WriteFailure.Missing,
        _ => null,
    };
}
