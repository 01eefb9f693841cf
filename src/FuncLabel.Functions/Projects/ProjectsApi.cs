using FuncLabel.Data.Catalog;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Users;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FuncLabel.Functions.Projects;

/// <summary>Projects and their members. Project roles live in the project's <c>member:{userId}</c> documents.</summary>
internal static class ProjectsApi
{
    

    /// <summary>
    /// Creates a project; the creator becomes its owner. Writes, in an order that makes a retry with the same
    /// id finish the job: catalog registration, the owner's member document, then the project document.
    /// </summary>
    public static async Task<Results<Created<ProjectView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateProjectRequest request, HttpContext http, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(request.Id is null || Ids.IsProjectId(request.Id), "id", "must be 3–63 characters: a-z, 0-9 and '-', starting with a letter or digit")
            .Check(request.Id != Data.Ledger.LedgerEvent.OrgScope, "id", "is reserved: 'org' names the organisation-wide scope of ledger days and reports (reports/org/…)")
            .Text("name", request.Name, 1, 200)
            .Text("description", request.Description, 0, 4000, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var id = request.Id ?? "p-" + Guid.NewGuid().ToString("N")[..16];
        if (await services.Projects.GetProjectAsync(id, cancellationToken) is not null)
        {
            return Problems.Conflict("project_exists", $"Project '{id}' already exists.");
        }

        await services.Catalog.RegisterProjectAsync(id, request.Name!, cancellationToken);
        var change = new ChangeContext(caller.UserId, now, id);
        var existing = await services.Projects.GetMemberAsync(id, caller.UserId, cancellationToken);
        if (existing is not { IsActive: true, Role: ProjectRole.Owner })
        {
            var owner = NewMember(id, caller.UserId, ProjectRole.Owner, caller.UserId, now);
            var saved = await services.SaveMemberAsync(owner, existing, change, "member.added", cancellationToken);
            if (!saved.Succeeded)
            {
                return Problems.Conflict("concurrent_change", "The project is being created by another request; retry.");
            }
        }

        var project = new ProjectDocument
        {
            Id = ProjectDocument.DocumentId,
            Pk = id,
            ProjectId = id,
            Name = request.Name!,
            Description = request.Description ?? "",
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        var created = await services.Projects.CreateProjectAsync(project, change, cancellationToken);
        if (!created.Succeeded)
        {
            return Problems.Conflict("project_exists", $"Project '{id}' already exists.");
        }

        Versions.SetETag(http.Response, created.Value.Version);
        return TypedResults.Created($"/api/projects/{id}", ProjectView.From(created.Value));
    }

    /// <summary>Admins see the catalog; everyone else the projects they are a member of.</summary>
    public static async Task<Ok<ListPage<ProjectSummary>>> ListAsync(
        int? limit, string? continuationToken, HttpContext http, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        if (caller.IsAdmin)
        {
            var page = await services.Catalog.ListProjectsAsync(ListLimits.Clamp(limit), continuationToken, cancellationToken);
            return TypedResults.Ok(new ListPage<ProjectSummary>(
                page.Items.Select(e => new ProjectSummary(e.ProjectId, e.Name, e.ArchivedAt, null)).ToList(), page.ContinuationToken));
        }

        var memberships = await services.Users.ListMembershipsAsync(caller.UserId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        var summaries = new List<ProjectSummary>();
        foreach (var membership in memberships.Items)
        {
            if (await services.Projects.GetProjectAsync(membership.ProjectId, cancellationToken) is { } project)
            {
                summaries.Add(new ProjectSummary(project.ProjectId, project.Name, project.ArchivedAt, membership.Role));
            }
        }

        return TypedResults.Ok(new ListPage<ProjectSummary>(summaries, memberships.ContinuationToken));
    }

    public static async Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetAsync(
        string projectId, HttpContext http, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var project = await services.Projects.GetProjectAsync(projectId, cancellationToken);
        if (project is null)
        {
            return Problems.NotFound($"Project '{projectId}' was not found.");
        }

        Versions.SetETag(http.Response, project.Version);
        return TypedResults.Ok(ProjectView.From(project));
    }

    /// <summary>Renames, re-describes, archives or unarchives. An archived project accepts only unarchiving.</summary>
    public static async Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string projectId, UpdateProjectRequest request, HttpContext http, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Text("name", request.Name, 1, 200, required: false)
            .Text("description", request.Description, 0, 4000, required: false);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var project = await services.Projects.GetProjectAsync(projectId, cancellationToken);
        if (project is null)
        {
            return Problems.NotFound($"Project '{projectId}' was not found.");
        }

        if (!Versions.IfMatchAllows(http.Request, project.Version))
        {
            return Problems.PreconditionFailed();
        }

        if (project.ArchivedAt is not null && request.Archived != false)
        {
            return Problems.Conflict("project_archived", "The project is archived; unarchive it first (\"archived\": false).");
        }

        var now = services.Time.GetUtcNow();
        var (archivedAt, action) = request.Archived switch
        {
            true => (now, "project.archived"),
            false when project.ArchivedAt is not null => ((DateTimeOffset?)null, "project.unarchived"),
            _ => (project.ArchivedAt, "project.updated"),
        };
        var next = project with
        {
            Name = request.Name ?? project.Name,
            Description = request.Description ?? project.Description,
            ArchivedAt = archivedAt,
        };
        var written = await services.Projects.UpdateProjectAsync(next, new ChangeContext(http.Caller().UserId, now, projectId), action, cancellationToken);
        if (!written.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        Versions.SetETag(http.Response, written.Value.Version);
        return TypedResults.Ok(ProjectView.From(written.Value));
    }

    public static async Task<Ok<ListPage<MemberView>>> ListMembersAsync(
        string projectId, int? limit, string? continuationToken, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var page = await services.Projects.ListMembersAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<MemberView>(page.Items.Select(MemberView.From).ToList(), page.ContinuationToken));
    }

    /// <summary>Adds a member or changes their role. The last owner cannot be demoted.</summary>
    public static async Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> PutMemberAsync(
        string projectId, string userId, PutMemberRequest request, HttpContext http, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(Ids.IsUserId(userId), "userId", $"must be 1–{Ids.MaxUserIdLength} characters: letters, digits, '.', '_', '@', '-'")
            .Check(request.Role is not null && Enum.IsDefined(request.Role.Value), "role", "is required: annotator, reviewer or owner");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (await ArchivedConflictAsync(projectId, services, cancellationToken) is { } archived)
        {
            return archived;
        }

        var current = await services.Projects.GetMemberAsync(projectId, userId, cancellationToken);
        if (current is { IsActive: true } && current.Role == request.Role)
        {
            Versions.SetETag(http.Response, current.Version);
            return TypedResults.Ok(MemberView.From(current));
        }

        if (current is { IsActive: true, Role: ProjectRole.Owner } && await IsLastOwnerAsync(projectId, services, cancellationToken))
        {
            return Problems.Conflict("last_owner", $"'{userId}' is the project's last owner; make someone else owner first.");
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var action = current is { IsActive: true } ? "member.role_changed" : "member.added";
        var member = NewMember(projectId, userId, request.Role!.Value, caller.UserId, now);
        var saved = await services.SaveMemberAsync(member, current, new ChangeContext(caller.UserId, now, projectId), action, cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.Conflict("concurrent_change", "The membership changed meanwhile; read it again and retry.");
        }

        Versions.SetETag(http.Response, saved.Value.Version);
        return TypedResults.Ok(MemberView.From(saved.Value));
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMemberAsync(
        string projectId, string userId, HttpContext http, [AsParameters] ProjectServices services, CancellationToken cancellationToken)
    {
        if (!Ids.IsUserId(userId))
        {
            return Problems.Field("userId", "is not a user id");
        }

        if (await ArchivedConflictAsync(projectId, services, cancellationToken) is { } archived)
        {
            return archived;
        }

        var current = await services.Projects.GetMemberAsync(projectId, userId, cancellationToken);
        if (current is not { IsActive: true })
        {
            return Problems.NotFound($"'{userId}' is not a member of project '{projectId}'.");
        }

        if (current.Role == ProjectRole.Owner && await IsLastOwnerAsync(projectId, services, cancellationToken))
        {
            return Problems.Conflict("last_owner", $"'{userId}' is the project's last owner; make someone else owner first.");
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var removed = current with { RemovedAt = now, ChangedBy = caller.UserId, ChangedAt = now };
        var saved = await services.SaveMemberAsync(removed, current, new ChangeContext(caller.UserId, now, projectId), "member.removed", cancellationToken);
        return saved.Succeeded
            ? TypedResults.NoContent()
            : Problems.Conflict("concurrent_change", "The membership changed meanwhile; read it again and retry.");
    }

    private static async Task<ProblemHttpResult?> ArchivedConflictAsync(string projectId, ProjectServices services, CancellationToken cancellationToken) =>
        await services.Projects.GetProjectAsync(projectId, cancellationToken) switch
        {
            null => Problems.NotFound($"Project '{projectId}' was not found."),
            { ArchivedAt: not null } => Problems.Conflict("project_archived", "The project is archived; unarchive it first."),
            _ => null,
        };

    private static async Task<bool> IsLastOwnerAsync(string projectId, ProjectServices services, CancellationToken cancellationToken)
    {
        var owners = 0;
        await foreach (var member in services.Projects.AllMembersAsync(projectId, cancellationToken))
        {
            owners += member.Role == ProjectRole.Owner ? 1 : 0;
        }

        return owners <= 1;
    }

    private static MemberDocument NewMember(string projectId, string userId, ProjectRole role, string by, DateTimeOffset at) => new()
    {
        Id = MemberDocument.IdFor(userId),
        Pk = projectId,
        ProjectId = projectId,
        UserId = userId,
        Role = role,
        ChangedBy = by,
        ChangedAt = at,
    };
}

internal sealed record ProjectSummary(string Id, string Name, DateTimeOffset? ArchivedAt, ProjectRole? Role);

/// <summary>The services of <see cref="ProjectsApi"/>'s handlers.</summary>
internal sealed class ProjectServices([FromServices] ProjectStore projects, [FromServices] CatalogStore catalog, [FromServices] UserStore users, [FromServices] MemberCache members, [FromServices] TimeProvider time)
{
    /// <summary>Saves a member document and drops this instance's cached copy, so the change applies here at once.</summary>
    public async Task<WriteResult<MemberDocument>> SaveMemberAsync(MemberDocument member, MemberDocument? current, ChangeContext change, string action, CancellationToken cancellationToken)
    {
        try
        {
            return await Projects.SaveMemberAsync(member, current, change, action, cancellationToken);
        }
        finally
        {
            Members.Forget(member.ProjectId, member.UserId);
        }
    }

    public ProjectStore Projects { get; } = projects;

    public CatalogStore Catalog { get; } = catalog;

    public UserStore Users { get; } = users;

    public MemberCache Members { get; } = members;

    public TimeProvider Time { get; } = time;
}
