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
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Projects;

/// <summary>The HTTP functions of <see cref="ProjectsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class ProjectsFunctions(ProjectServices services)
{
    [Function(nameof(CreateProject))]
    [Access(Callers.PlatformAdmin)]
    [Operation("Projects", "Creates a project; the caller becomes its owner (platform admins).")]
    public Task<Results<Created<ProjectView>, ValidationProblem, ProblemHttpResult>> CreateProject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects")] HttpRequest req,
        [FromBody] CreateProjectRequest request,
        CancellationToken cancellationToken) =>
        ProjectsApi.CreateAsync(request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListProjects))]
    [Access(Callers.Authenticated)]
    [Operation("Projects", "Lists the projects the caller is a member of (every project for admins).")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<ProjectSummary>>> ListProjects(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects")] HttpRequest req,
        CancellationToken cancellationToken) =>
        ProjectsApi.ListAsync(QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);

    [Function(nameof(GetProject))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Projects", "Reads a project.")]
    public Task<Results<Ok<ProjectView>, ProblemHttpResult>> GetProject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        ProjectsApi.GetAsync(projectId, req.HttpContext, services, cancellationToken);

    [Function(nameof(UpdateProject))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Projects", "Renames, describes, archives or unarchives a project (If-Match).")]
    public Task<Results<Ok<ProjectView>, ValidationProblem, ProblemHttpResult>> UpdateProject(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "projects/{projectId}")] HttpRequest req,
        string projectId,
        [FromBody] UpdateProjectRequest request,
        CancellationToken cancellationToken) =>
        ProjectsApi.UpdateAsync(projectId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListMembers))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Projects", "Lists a project's members and their roles.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<MemberView>>> ListMembers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/members")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        ProjectsApi.ListMembersAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), services, cancellationToken);

    [Function(nameof(PutMember))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Projects", "Adds a member or changes their role.")]
    public Task<Results<Ok<MemberView>, ValidationProblem, ProblemHttpResult>> PutMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{projectId}/members/{userId}")] HttpRequest req,
        string projectId,
        string userId,
        [FromBody] PutMemberRequest request,
        CancellationToken cancellationToken) =>
        ProjectsApi.PutMemberAsync(projectId, userId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(RemoveMember))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Projects", "Removes a member (never the last owner).")]
    public Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMember(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "projects/{projectId}/members/{userId}")] HttpRequest req,
        string projectId,
        string userId,
        CancellationToken cancellationToken) =>
        ProjectsApi.RemoveMemberAsync(projectId, userId, req.HttpContext, services, cancellationToken);
}
