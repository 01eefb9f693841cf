using FuncLabel.Data.Projects;
using FuncLabel.Domain.Access;

namespace FuncLabel.Functions.Projects;

internal sealed record ProjectView(string Id, string Name, string Description, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt, long Version)
{
    public static ProjectView From(ProjectDocument p) => new(p.ProjectId, p.Name, p.Description, p.CreatedBy, p.CreatedAt, p.ArchivedAt, p.Version);
}

internal sealed record MemberView(string UserId, ProjectRole Role, string ChangedBy, DateTimeOffset ChangedAt, long Version)
{
    public static MemberView From(MemberDocument m) => new(m.UserId, m.Role, m.ChangedBy, m.ChangedAt, m.Version);
}

/// <summary>Body of <c>POST /api/projects</c>. <see cref="Id"/> is optional; a client-chosen id makes the create retryable.</summary>
internal sealed record CreateProjectRequest(string? Id, string? Name, string? Description);

/// <summary>Body of <c>PATCH /api/projects/{projectId}</c>; absent fields stay as they are.</summary>
internal sealed record UpdateProjectRequest(string? Name, string? Description, bool? Archived);

internal sealed record PutMemberRequest(ProjectRole? Role);
