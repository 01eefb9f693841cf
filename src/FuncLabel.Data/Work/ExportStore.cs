using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Work;

/// <summary>Export records in the <c>projects</c> container.</summary>
internal sealed class ExportStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Container = ContainerDefinitions.Projects;

    public Task<ExportDocument?> GetAsync(string projectId, string jobId, string exportId, CancellationToken cancellationToken) =>
        database.Container(Container).ReadAsync<ExportDocument>(projectId, ExportDocument.IdFor(jobId, exportId), cancellationToken);

    public Task<Page<ExportDocument>> ListAsync(string projectId, string jobId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        database.Container(Container).QueryPageAsync<ExportDocument>(
            new PartitionQuery(projectId, "c.docType = 'export' AND c.jobId = @job").With("@job", jobId), limit, continuationToken, cancellationToken);

    public Task<WriteResult<ExportDocument>> CreateAsync(ExportDocument export, ChangeContext change, IReadOnlyList<QueueOutboxEntry> messages, CancellationToken cancellationToken) =>
        writer.CreateAsync(
            Container,
            StateChange.Next(export, change, ExportDocument.Resource(export.ProjectId, export.JobId, export.ExportId), "export.requested", null, messages),
            cancellationToken);

    public Task<WriteResult<ExportDocument>> CompleteAsync(ExportDocument done, ChangeContext change, CancellationToken cancellationToken) =>
        writer.ReplaceAsync(Container, StateChange.Next(done, change, ExportDocument.Resource(done.ProjectId, done.JobId, done.ExportId), "export.completed"), cancellationToken);
}
