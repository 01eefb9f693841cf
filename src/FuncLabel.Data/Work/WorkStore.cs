using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Work;

namespace FuncLabel.Data.Work;

/// <summary>The <c>work</c> container: work items and the job counter, one partition per job.</summary>
public sealed class WorkStore(CosmosDatabase database, WorkWriter writer)
{
    public static readonly ContainerDefinition Container = ContainerDefinitions.Work;

    /// <summary>Claim candidates per query page: enough choice that concurrent claimers rarely pick the same item.</summary>
    public const int CandidatePage = 25;

    private DocumentContainer Documents => database.Container(Container);

    public Task<WorkItemDocument?> GetAsync(string jobId, string assetId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<WorkItemDocument>(jobId, assetId, cancellationToken);

    /// <summary>
    /// The first page of items with something <paramref name="userId"/> may claim as <paramref name="kind"/> at
    /// <paramref name="now"/>: a free slot they are not excluded from, a rework of theirs, or a slot they still hold.
    /// The domain decides for each candidate; the query only narrows.
    /// </summary>
    public Task<Page<WorkItemDocument>> CandidatesAsync(string jobId, string userId, TaskKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        string filter = kind == TaskKind.Draw
            ? "c.docType = 'work-item' AND ((c.drawFreeAt <= @now AND NOT ARRAY_CONTAINS(c.drawExcluded, @user)) OR ARRAY_CONTAINS(c.reworkFor, @user) OR ARRAY_CONTAINS(c.holders, @user))"
            : "c.docType = 'work-item' AND ((c.reviewFreeAt <= @now AND NOT ARRAY_CONTAINS(c.reviewExcluded, @user)) OR ARRAY_CONTAINS(c.holders, @user))";
        var query = new PartitionQuery(jobId, filter).With("@now", now.ToUnixTimeMilliseconds()).With("@user", userId);
        return Documents.QueryPageAsync<WorkItemDocument>(query, CandidatePage, null, cancellationToken);
    }

    /// <summary>Items on which <paramref name="userId"/> holds a claim.</summary>
    public Task<Page<WorkItemDocument>> MineAsync(string jobId, string userId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<WorkItemDocument>(
            new PartitionQuery(jobId, "c.docType = 'work-item' AND ARRAY_CONTAINS(c.holders, @user)").With("@user", userId), limit, continuationToken, cancellationToken);

    /// <summary>Every work item of a job, page by page (progress, exports, tests).</summary>
    public IAsyncEnumerable<WorkItemDocument> AllAsync(string jobId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<WorkItemDocument>(new PartitionQuery(jobId, "c.docType = 'work-item'"), cancellationToken);

    public Task<Page<WorkItemDocument>> PageAsync(string jobId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<WorkItemDocument>(new PartitionQuery(jobId, "c.docType = 'work-item'"), limit, continuationToken, cancellationToken);

    /// <summary>Creates the item; <see cref="WriteFailure.AlreadyExists"/> when the asset already has work in this job.</summary>
    public Task<WriteResult<WorkItemDocument>> CreateAsync(WorkItemDocument item, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(Container, StateChange.Next(item.With(item.Item), change, Resource(item), "work.created"), cancellationToken);

    /// <summary>Replaces the item as read with <paramref name="next"/>, its ledger event and any messages.</summary>
    public Task<WriteResult<WorkItemDocument>> ReplaceAsync(
        WorkItemDocument current, WorkItem next, ChangeContext change, string action, IReadOnlyDictionary<string, string>? details, Func<long, IReadOnlyList<PendingMessage>>? messages, CancellationToken cancellationToken)
    {
        var changed = StateChange.Next(current.With(next), change, Resource(current), action, details);
        var owed = messages?.Invoke(changed.Version) ?? [];
        return writer.ReplaceAsync(Container, changed with { Messages = [.. current.Messages, .. owed] }, cancellationToken);
    }

    public async Task<JobCounterDocument> GetCounterAsync(string jobId, CancellationToken cancellationToken) =>
        await Documents.ReadAsync<JobCounterDocument>(jobId, JobCounterDocument.DocumentId, cancellationToken).ConfigureAwait(false)
        ?? new JobCounterDocument { Id = JobCounterDocument.DocumentId, Pk = jobId };

    /// <summary>
    /// The job-wide number of the submission <paramref name="messageId"/>: the one it got before, or the next one
    /// (one conditional write, retried on contention).
    /// </summary>
    public async Task<long> NumberAsync(string jobId, string messageId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var counter = await GetCounterAsync(jobId, cancellationToken).ConfigureAwait(false);
            if (counter.Recent.FirstOrDefault(r => r.MessageId == messageId) is { } known)
            {
                return known.Sequence;
            }

            long sequence = counter.Submissions + 1;
            var next = counter with
            {
                Submissions = sequence,
                Recent = [.. counter.Recent.Skip(Math.Max(0, counter.Recent.Count + 1 - JobCounterDocument.RecentKept)), new NumberedMessage(messageId, sequence)],
            };
            var written = counter.ETag is null
                ? await Documents.CreateAsync(next, cancellationToken).ConfigureAwait(false)
                : await Documents.ReplaceAsync(next, counter.ETag, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded)
            {
                return sequence;
            }
        }
    }

    public static string Resource(WorkItemDocument item) => $"work:{item.JobId}:{item.Id}";
}
