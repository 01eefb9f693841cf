using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Data.Ontologies;

/// <summary>Ontology versions and schema-id usage of a project.</summary>
internal sealed class OntologyStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Container = ContainerDefinitions.Projects;

    private DocumentContainer Documents => database.Container(Container);

    public Task<OntologyDocument?> GetCurrentAsync(string projectId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<OntologyDocument>(projectId, OntologyDocument.DocumentId, cancellationToken);

    /// <summary>The current ontology as a domain value, or null when the project has none yet.</summary>
    public async Task<Ontology?> GetCurrentOntologyAsync(string projectId, CancellationToken cancellationToken) =>
        await GetCurrentAsync(projectId, cancellationToken).ConfigureAwait(false) is { } document
            ? OntologySnapshot.Restore(document.Ontology, checked((int)document.Version))
            : null;

    public Task<OntologyVersionDocument?> GetVersionAsync(string projectId, int version, CancellationToken cancellationToken) =>
        Documents.ReadAsync<OntologyVersionDocument>(projectId, OntologyVersionDocument.IdFor(version), cancellationToken);

    /// <summary>
    /// Stores <paramref name="ontology"/> as the next version: one conditional write of the current document (created
    /// when <paramref name="current"/> is null, else replaced as read), carrying the immutable version copy in its outbox.
    /// </summary>
    public Task<WriteResult<OntologyDocument>> SaveAsync(string projectId, Ontology ontology, OntologyDocument? current, ChangeContext change, CancellationToken cancellationToken)
    {
        var draft = OntologySnapshot.ToDraft(ontology);
        var document = new OntologyDocument
        {
            Id = OntologyDocument.DocumentId,
            Pk = projectId,
            ProjectId = projectId,
            Ontology = draft,
            ChangedBy = change.Actor,
            ChangedAt = change.At,
            Version = ontology.Version - 1,
            Outbox = current?.Outbox ?? [],
            ETag = current?.ETag,
        };
        var copy = new OntologyVersionDocument
        {
            Id = OntologyVersionDocument.IdFor(ontology.Version),
            Pk = projectId,
            Ontology = draft,
            ChangedBy = change.Actor,
            ChangedAt = change.At,
            SourceVersion = ontology.Version,
        };
        var next = StateChange.Next(
            document,
            change,
            OntologyDocument.Resource(projectId),
            current is null ? "ontology.created" : "ontology.changed",
            new Dictionary<string, string> { ["version"] = ontology.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            [StateChange.Index(Container, copy, change.At)]);
        return current is null ? writer.CreateAsync(Container, next, cancellationToken) : writer.ReplaceAsync(Container, next, cancellationToken);
    }

    public async Task<IReadOnlySet<string>> UsedSchemaIdsAsync(string projectId, CancellationToken cancellationToken) =>
        (await Documents.ReadAsync<SchemaUsageDocument>(projectId, SchemaUsageDocument.DocumentId, cancellationToken).ConfigureAwait(false))?.SchemaIds.ToHashSet(StringComparer.Ordinal)
        ?? new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="schemaIds"/> to the project's usage set (created, or replaced as read, through <see cref="ConditionalUpdate"/>).</summary>
    public Task RecordUsageAsync(string projectId, IReadOnlyCollection<string> schemaIds, CancellationToken cancellationToken) =>
        ConditionalUpdate.RunAsync(
            $"schema usage of project {projectId}",
            ct => Documents.ReadAsync<SchemaUsageDocument>(projectId, SchemaUsageDocument.DocumentId, ct),
            current =>
            {
                var known = current?.SchemaIds.ToHashSet(StringComparer.Ordinal) ?? new HashSet<string>(StringComparer.Ordinal);
                if (schemaIds.All(known.Contains))
                {
                    return UpdateDecision.Done(true);
                }

                known.UnionWith(schemaIds);
                var next = new SchemaUsageDocument { Id = SchemaUsageDocument.DocumentId, Pk = projectId, SchemaIds = [.. known.Order(StringComparer.Ordinal)] };
                return UpdateDecision.Write(
                    ct => current is null ? Documents.CreateAsync(next, ct) : Documents.ReplaceAsync(next, current.ETag!, ct),
                    _ => true);
            },
            cancellationToken);
}
