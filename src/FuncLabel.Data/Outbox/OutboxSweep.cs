using FuncLabel.Data.Catalog;
using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Outbox;

/// <summary>
/// Finds outbox entries a request left unperformed (it crashed or timed out between its state write and
/// the side effects) and performs them. Every query is single-partition, so the sweep walks the
/// partitions that can hold state documents: each catalogued project's partition of <c>projects</c>.
/// Entries younger than <see cref="MinimumAge"/> are left to the request that is performing them.
/// </summary>
/// <remarks>
/// Cost: one query per project per run. Containers that gain state documents with outboxes add their
/// partitions to <see cref="PartitionsAsync"/>.
/// </remarks>
public sealed class OutboxSweep(CosmosDatabase database, CatalogStore catalog, OutboxRelay relay, TimeProvider time)
{
    public static readonly TimeSpan MinimumAge = TimeSpan.FromMinutes(2);

    /// <summary>Performs every entry older than <see cref="MinimumAge"/>; returns how many documents were completed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - MinimumAge;
        var completed = 0;
        await foreach (var (container, partitionKey) in PartitionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var query = new PartitionQuery(partitionKey, "ARRAY_LENGTH(c.outbox) > 0");
            await foreach (var carrier in database.Container(container).QueryAllAsync<OutboxCarrier>(query, cancellationToken).ConfigureAwait(false))
            {
                if (carrier.Outbox.Any(e => e.CreatedAt <= cutoff))
                {
                    await relay.PerformAsync(container, carrier.Pk, carrier.Id, carrier.ETag!, carrier.Outbox, cancellationToken).ConfigureAwait(false);
                    completed++;
                }
            }
        }

        return completed;
    }

    private async IAsyncEnumerable<(ContainerDefinition Container, string PartitionKey)> PartitionsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var projectId in catalog.AllProjectIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (ContainerDefinitions.Projects, projectId);
        }
    }
}
