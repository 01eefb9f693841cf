using FuncLabel.Data.Catalog;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Users;
using FuncLabel.Domain.Access;

namespace FuncLabel.Data.Projects;

/// <summary>The project and member documents of the <c>projects</c> container.</summary>
internal sealed class ProjectStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Container = ContainerDefinitions.Projects;

    private DocumentContainer Documents => database.Container(Container);

    public Task<ProjectDocument?> GetProjectAsync(string projectId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<ProjectDocument>(projectId, ProjectDocument.DocumentId, cancellationToken);

    /// <summary>Creates the project; its catalog entry and ledger event follow through the outbox.</summary>
    public Task<WriteResult<ProjectDocument>> CreateProjectAsync(ProjectDocument project, ChangeContext change, CancellationToken cancellationToken) =>
        writer.CreateAsync(Container, Changed(project, change, "project.created"), cancellationToken);

    /// <summary>Replaces the project as read (its ETag); <paramref name="action"/> names the change in the ledger.</summary>
    public Task<WriteResult<ProjectDocument>> UpdateProjectAsync(ProjectDocument project, ChangeContext change, string action, CancellationToken cancellationToken) =>
        writer.ReplaceAsync(Container, Changed(project, change, action), cancellationToken);

    /// <summary>
    /// Archives the project unless it already is: a conditional patch on the camelCase <c>archivedAt</c>,
    /// used where the caller holds no ETag. <see cref="WriteFailure.Stale"/> when already archived.
    /// </summary>
    public Task<WriteResult<ProjectDocument>> ArchiveIfActiveAsync(string projectId, DateTimeOffset at, CancellationToken cancellationToken) =>
        Documents.PatchAsync<ProjectDocument>(
            projectId,
            ProjectDocument.DocumentId,
            [Microsoft.Azure.Cosmos.PatchOperation.Set("/archivedAt", at)],
            "FROM c WHERE NOT IS_DEFINED(c.archivedAt) OR IS_NULL(c.archivedAt)",
            null,
            cancellationToken);

    public Task<MemberDocument?> GetMemberAsync(string projectId, string userId, CancellationToken cancellationToken) =>
        Documents.ReadAsync<MemberDocument>(projectId, MemberDocument.IdFor(userId), cancellationToken);

    public Task<Page<MemberDocument>> ListMembersAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        Documents.QueryPageAsync<MemberDocument>(
            new PartitionQuery(projectId, "c.docType = 'member' AND NOT IS_DEFINED(c.removedAt)"), limit, continuationToken, cancellationToken);

    /// <summary>Every active member of a project (for sweeps and reports).</summary>
    public IAsyncEnumerable<MemberDocument> AllMembersAsync(string projectId, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<MemberDocument>(new PartitionQuery(projectId, "c.docType = 'member' AND NOT IS_DEFINED(c.removedAt)"), cancellationToken);

    /// <summary>Creates or updates (as read, when <paramref name="current"/> is given) a member; the users index follows.</summary>
    public Task<WriteResult<MemberDocument>> SaveMemberAsync(MemberDocument member, MemberDocument? current, ChangeContext change, string action, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(
            member with { Version = current?.Version ?? 0, Outbox = current?.Outbox ?? [], ETag = current?.ETag },
            change,
            MemberDocument.Resource(member.ProjectId, member.UserId),
            action,
            new Dictionary<string, string> { ["userId"] = member.UserId, ["role"] = RoleName(member.Role) },
            [MembershipIndex(member, (current?.Version ?? 0) + 1, change.At)]);
        return current is null ? writer.CreateAsync(Container, next, cancellationToken) : writer.ReplaceAsync(Container, next, cancellationToken);
    }

    private static ProjectDocument Changed(ProjectDocument project, ChangeContext change, string action)
    {
        var version = project.Version + 1;
        var entry = new ProjectEntry
        {
            Id = project.ProjectId,
            Pk = ProjectEntry.PartitionKey,
            ProjectId = project.ProjectId,
            Name = project.Name,
            ArchivedAt = project.ArchivedAt,
            SourceVersion = version,
        };
        return StateChange.Next(
            project,
            change,
            ProjectDocument.Resource(project.ProjectId),
            action,
            new Dictionary<string, string> { ["name"] = project.Name },
            [StateChange.Index(ContainerDefinitions.Catalog, entry, change.At)]);
    }

    private static IndexOutboxEntry MembershipIndex(MemberDocument member, long version, DateTimeOffset at) =>
        StateChange.Index(
            ContainerDefinitions.Users,
            new MembershipDocument
            {
                Id = MembershipDocument.IdFor(member.ProjectId),
                Pk = member.UserId,
                UserId = member.UserId,
                ProjectId = member.ProjectId,
                Role = member.Role,
                SourceVersion = version,
                Deleted = !member.IsActive,
            },
            at);

    private static string RoleName(ProjectRole role) => role.ToString().ToLowerInvariant();
}
