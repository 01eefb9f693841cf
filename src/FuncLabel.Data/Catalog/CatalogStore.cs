using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Catalog;

/// <summary>The organisation-wide <c>catalog</c> container: project entries (and, later, credential types and holders).</summary>
public sealed class CatalogStore(CosmosDatabase database)
{
    private DocumentContainer Documents => database.Container(ContainerDefinitions.Catalog);

    public Task<Page<ProjectEntry>> ListProjectsAsync(int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<ProjectEntry>(
            new PartitionQuery(ProjectEntry.PartitionKey, "c.docType = 'project-entry' AND c.deleted = false"), limit, continuationToken, cancellationToken);

    /// <summary>Every project id, for timers that visit each project.</summary>
    public IAsyncEnumerable<string> AllProjectIdsAsync(CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<string>(new PartitionQuery(ProjectEntry.PartitionKey, "c.docType = 'project-entry'", "VALUE c.projectId"), cancellationToken);
}
