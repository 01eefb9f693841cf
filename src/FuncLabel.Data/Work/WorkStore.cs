using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Work;

namespace FuncLabel.Data.Work;

/// <summary>The <c>work</c> container: work items and the job counter, one partition per job of a project (<see cref="WorkPartition"/>).</summary>
internal sealed class WorkStore(CosmosDatabase database, StateWriter writer)
{
    public static readonly ContainerDefinition Container = ContainerDefinitions.Work;

    /// <summary>
    /// Claim candidates per query page: a few to choose from when a write is lost, small enough that the page costs
    /// little to read (the window, not the page, is what spreads concurrent claimers).
    /// </summary>
    public const int CandidatePage = 8;

    /// <summary>One numbering at a time per job in this instance (see <see cref="NumberAsync"/>); a few bytes per job.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> _numberingTurns = new(StringComparer.Ordinal);

    private DocumentContainer Documents => database.Container(Container);

    public Task<WorkItemDocument?> GetAsync(string projectId, string jobId, string assetId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<WorkItemDocument>(WorkPartition.For(projectId, jobId), assetId, cancellationToken);

    /// <summary>
    /// Up to <see cref="CandidatePage"/> items with something <paramref name="userId"/> may claim as
    /// <paramref name="kind"/> at <paramref name="now"/>: one reserved for them (a claim they hold, a rework of theirs),
    /// or a slot free at <paramref name="now"/> they are not excluded from whose claim order lies in
    /// <paramref name="window"/>. The domain decides for each candidate; the query only narrows.
    /// </summary>
    /// <remarks>
    /// Every term is served by the index on real Cosmos DB: one <c>ARRAY_CONTAINS</c> on a maintained list (the
    /// reserved branch, almost always empty) or two ranges (<c>claimOrder</c>, <c>…FreeAt</c>; not named <c>rank</c>: a keyword of the query grammar, which made the SDK ask the gateway for a query plan) with the exclusion as a
    /// residual filter on what they select. The window keeps the pages of concurrent claimers apart; an empty window
    /// is widened by the caller.
    /// </remarks>
    public Task<Page<WorkItemDocument>> CandidatesAsync(string projectId, string jobId, string userId, TaskKind kind, DateTimeOffset now, RankWindow window, CancellationToken cancellationToken)
    {
        string filter = kind == TaskKind.Draw
            ? "c.docType = 'work-item' AND (ARRAY_CONTAINS(c.drawFor, @user) OR (c.claimOrder >= @low AND c.claimOrder < @high AND c.drawFreeAt <= @now AND NOT ARRAY_CONTAINS(c.drawExcluded, @user)))"
            : "c.docType = 'work-item' AND (ARRAY_CONTAINS(c.reviewFor, @user) OR (c.claimOrder >= @low AND c.claimOrder < @high AND c.reviewFreeAt <= @now AND NOT ARRAY_CONTAINS(c.reviewExcluded, @user)))";
        var query = new PartitionQuery(WorkPartition.For(projectId, jobId), filter)
            .With("@now", now.ToUnixTimeMilliseconds())
            .With("@user", userId)
            .With("@low", window.From)
            .With("@high", window.To);
        return Documents.QueryPageAsync<WorkItemDocument>(query, CandidatePage, null, cancellationToken);
    }

    /// <summary>Items on which <paramref name="userId"/> holds a claim.</summary>
    public Task<Page<WorkItemDocument>> MineAsync(string projectId, string jobId, string userId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<WorkItemDocument>(
            new PartitionQuery(WorkPartition.For(projectId, jobId), "c.docType = 'work-item' AND ARRAY_CONTAINS(c.holders, @user)").With("@user", userId), limit, continuationToken, cancellationToken);

    /// <summary>Every work item of a job, page by page (progress, exports, tests).</summary>
    public IAsyncEnumerable<WorkItemDocument> AllAsync(string projectId, string jobId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<WorkItemDocument>(new PartitionQuery(WorkPartition.For(projectId, jobId), "c.docType = 'work-item'"), cancellationToken);

    public Task<Page<WorkItemDocument>> PageAsync(string projectId, string jobId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<WorkItemDocument>(new PartitionQuery(WorkPartition.For(projectId, jobId), "c.docType = 'work-item'"), limit, continuationToken, cancellationToken);

    /// <summary>Creates the item; <see cref="WriteFailure.AlreadyExists"/> when the asset already has work in this job.</summary>
    public Task<WriteResult<WorkItemDocument>> CreateAsync(WorkItemDocument item, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(Container, StateChange.Next(item.With(item.Item), change, Resource(item), "work.created"), cancellationToken);

    /// <summary>
    /// Replaces the item as read with <paramref name="next"/>, its ledger event and any messages; the entries are
    /// performed as <paramref name="sideEffects"/> says (claims and renewals leave theirs to the next write, a submit
    /// sends its message and leaves the rest to the message's consumer). A queue consumer passes the message it applies
    /// as <paramref name="delivered"/>: that message's entry is done and dropped, and what the sender left is performed
    /// with this write's own entries.
    /// </summary>
    public Task<WriteResult<WorkItemDocument>> ReplaceAsync(
        WorkItemDocument current,
        WorkItem next,
        ChangeContext change,
        string action,
        IReadOnlyDictionary<string, string>? details,
        Func<long, IReadOnlyList<QueueOutboxEntry>>? messages,
        CancellationToken cancellationToken,
        SideEffects sideEffects = SideEffects.Perform,
        string? delivered = null)
    {
        var owed = messages?.Invoke(current.Version + 1) ?? [];
        var source = delivered is null ? current : current with { Outbox = [.. current.Outbox.Where(e => e.Id != WorkMessage.OutboxId(delivered))] };
        return writer.ReplaceAsync(Container, StateChange.Next(source.With(next), change, Resource(current), action, details, owed), cancellationToken, sideEffects);
    }

    public async Task<JobCounterDocument> GetCounterAsync(string projectId, string jobId, CancellationToken cancellationToken) =>
        await Documents.ReadAsync<JobCounterDocument>(WorkPartition.For(projectId, jobId), JobCounterDocument.DocumentId, cancellationToken).ConfigureAwait(false)
        ?? new JobCounterDocument { Id = JobCounterDocument.DocumentId, Pk = WorkPartition.For(projectId, jobId) };

    /// <summary>
    /// The job-wide number of the submission <paramref name="messageId"/>: the one it got before, or the next one
    /// (one conditional write, retried on contention).
    /// </summary>
    /// <remarks>
    /// Consumers in one instance take turns per job: the counter is one document, so concurrent numberings of one job
    /// serialise anyway, and without turns every round of N concurrent attempts costs N reads and N replaces for one
    /// success (8 consumers: ~4.5 of each per number instead of 1). Other instances still contend through the ETag.
    /// </remarks>
    public async Task<long> NumberAsync(string projectId, string jobId, string messageId, CancellationToken cancellationToken)
    {
        var turn = _numberingTurns.GetOrAdd(WorkPartition.For(projectId, jobId), _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await ConditionalUpdate.RunAsync(
                    $"job counter of {projectId}/{jobId}",
                    ct => GetCounterAsync(projectId, jobId, ct),
                    counter =>
                    {
                        if (counter.Recent.FirstOrDefault(r => r.MessageId == messageId) is { } known)
                        {
                            return UpdateDecision.Done(known.Sequence);
                        }

                        long sequence = counter.Submissions + 1;
                        var next = counter with
                        {
                            Submissions = sequence,
                            Recent = [.. counter.Recent.Skip(Math.Max(0, counter.Recent.Count + 1 - JobCounterDocument.RecentKept)), new NumberedMessage(messageId, sequence)],
                        };
                        return UpdateDecision.Write(
                            ct => counter.ETag is null ? Documents.CreateAsync(next, ct) : Documents.ReplaceAsync(next, counter.ETag, ct),
                            _ => sequence);
                    },
                    cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            turn.Release();
        }
    }

    public static string Resource(WorkItemDocument item) => $"work:{item.JobId}:{item.Id}";
}
