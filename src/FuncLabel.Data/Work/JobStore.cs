using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Work;

/// <summary>The job documents of the <c>projects</c> container.</summary>
internal sealed class JobStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Container = ContainerDefinitions.Projects;

    private DocumentContainer Documents => database.Container(Container);

    public Task<JobDocument?> GetAsync(string projectId, string jobId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<JobDocument>(projectId, JobDocument.IdFor(jobId), cancellationToken);

    public Task<Page<JobDocument>> ListAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<JobDocument>(new PartitionQuery(projectId, "c.docType = 'job'"), limit, continuationToken, cancellationToken);

    /// <summary>The ids of every job of a project, whatever its state (one query returning ids only).</summary>
    public IAsyncEnumerable<string> IdsAsync(string projectId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<string>(new PartitionQuery(projectId, "c.docType = 'job'", "VALUE c.jobId"), cancellationToken);

    /// <summary>Every active job of a project (new assets get work in each).</summary>
    public IAsyncEnumerable<JobDocument> ActiveAsync(string projectId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<JobDocument>(new PartitionQuery(projectId, "c.docType = 'job' AND c.state = 'active'"), cancellationToken);

    public Task<WriteResult<JobDocument>> CreateAsync(JobDocument job, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(Container, StateChange.Next(job, change, JobDocument.Resource(job.ProjectId, job.JobId), "job.created"), cancellationToken);

    /// <summary>Replaces the job as read; <paramref name="messages"/> are sent after the write.</summary>
    public Task<WriteResult<JobDocument>> UpdateAsync(JobDocument job, ChangeContext change, string action, IReadOnlyList<QueueOutboxEntry>? messages, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(job, change, JobDocument.Resource(job.ProjectId, job.JobId), action, null, messages);
        return writer.ReplaceAsync(Container, next, cancellationToken);
    }
}
