using FuncLabel.Data.Catalog;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Work;

namespace FuncLabel.Data.Outbox;

/// <summary>
/// Finds outbox entries a request left unperformed (it crashed or timed out between its state write and
/// the side effects) and performs them. Every query is single-partition, so the sweep walks the
/// partitions that can hold state documents (see <see cref="PartitionsAsync"/>).
/// Entries younger than <see cref="MinimumAge"/> are left to the request that is performing them.
/// </summary>
/// <remarks>
/// Cost per run: three queries per project (its outboxes, members, jobs), one per job (the outboxes of its <c>work</c>
/// partition: unsent <c>task-events</c> messages and ledger events), one per credential type, one per user partition.
/// Containers that gain state documents with outboxes add their partitions to <see cref="PartitionsAsync"/>.
/// </remarks>
internal sealed class OutboxSweep(CosmosDatabase database, CatalogStore catalog, JobStore jobs, CredentialStore credentials, OutboxRelay relay, TimeProvider time)
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

    /// <summary>
    /// The partitions to visit: each catalogued project's partition of <c>projects</c> and the <c>work</c> partition of
    /// each of its jobs (items owe queue messages between their write and its send), then each user partition of
    /// <c>users</c> that can hold state documents — a user reaches such a partition only by being a project member
    /// (attempts, practice runs: members and former members of every project) or a credential holder (holders of
    /// every credential type, including registrations made just before a first grant). Each user is visited once.
    /// </summary>
    private async IAsyncEnumerable<(ContainerDefinition Container, string PartitionKey)> PartitionsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var users = new HashSet<string>(StringComparer.Ordinal);
        var projects = database.Container(ContainerDefinitions.Projects);
        await foreach (var projectId in catalog.AllProjectIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return (ContainerDefinitions.Projects, projectId);
            await foreach (var jobId in jobs.IdsAsync(projectId, cancellationToken).ConfigureAwait(false))
            {
                yield return (ContainerDefinitions.Work, WorkPartition.For(projectId, jobId));
            }

            await foreach (var userId in projects.QueryAllAsync<string>(new PartitionQuery(projectId, "c.docType = 'member'", "VALUE c.userId"), cancellationToken).ConfigureAwait(false))
            {
                users.Add(userId);
            }
        }

        // Organisation-wide report build records (project ones live in the project partitions visited above).
        yield return (ContainerDefinitions.Catalog, Reports.ReportBuildDocument.OrgPartition);

        await foreach (var typeId in credentials.AllTypeIdsAsync(cancellationToken).ConfigureAwait(false))
        {
            await foreach (var userId in credentials.AllHolderIdsAsync(typeId, cancellationToken).ConfigureAwait(false))
            {
                users.Add(userId);
            }
        }

        foreach (var userId in users.Order(StringComparer.Ordinal))
        {
            yield return (ContainerDefinitions.Users, userId);
        }
    }
}
