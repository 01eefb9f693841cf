using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Catalog;

/// <summary>The organisation-wide <c>catalog</c> container: project entries (and, later, credential types and holders).</summary>
internal sealed class CatalogStore(CosmosDatabase database)
{
    private DocumentContainer Documents => database.Container(ContainerDefinitions.Catalog);

    /// <summary>
    /// Registers a project id before its project document is written (source version 0), so the outbox
    /// sweep can find the project's partition even if the request dies right after the project write.
    /// Idempotent: an existing entry is left as it is.
    /// </summary>
    public async Task RegisterProjectAsync(string projectId, string name, CancellationToken cancellationToken) =>
        await Documents.CreateAsync(
                new ProjectEntry { Id = projectId, Pk = ProjectEntry.PartitionKey, ProjectId = projectId, Name = name, SourceVersion = 0 },
                cancellationToken)
            .ConfigureAwait(false);

    /// <summary>Projects whose document exists (source version ≥ 1), not deleted.</summary>
    public Task<Page<ProjectEntry>> ListProjectsAsync(int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<ProjectEntry>(
            new PartitionQuery(ProjectEntry.PartitionKey, "c.docType = 'project-entry' AND c.sourceVersion > 0 AND c.deleted = false"),
            limit,
            continuationToken,
            cancellationToken);

    /// <summary>Every registered project id, for timers that visit each project.</summary>
    public IAsyncEnumerable<string> AllProjectIdsAsync(CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<string>(new PartitionQuery(ProjectEntry.PartitionKey, "c.docType = 'project-entry'", "VALUE c.projectId"), cancellationToken);
}
