using System.Globalization;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Work;
using FuncLabel.Functions.Credentials;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncLabel.Functions.Work;

/// <summary>The HTTP functions of <see cref="TasksApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class TasksFunctions(TaskServices services, Credentials.ClaimGate gate)
{
    [Function(nameof(ClaimTask))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Claims a draw or review task; 204 when there is nothing to claim.")]
    public Task<Results<Ok<TaskView>, NoContent, ValidationProblem, ProblemHttpResult>> ClaimTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/tasks/claim")] HttpRequest req,
        string projectId,
        string jobId,
        [FromBody] ClaimRequest request,
        CancellationToken cancellationToken) =>
        TasksApi.ClaimAsync(projectId, jobId, request, req.HttpContext, services, gate, cancellationToken);

    [Function(nameof(ListMyTasks))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Lists the caller's tasks in a job.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<TaskView>>> ListMyTasks(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/jobs/{jobId}/tasks/mine")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        TasksApi.MineAsync(projectId, jobId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);

    [Function(nameof(OpenTask))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Opens a task the caller holds: content route, guide and starting point.")]
    public Task<Results<Ok<OpenedTaskView>, ProblemHttpResult>> OpenTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/jobs/{jobId}/tasks/{taskId}")] HttpRequest req,
        string projectId,
        string jobId,
        string taskId,
        CancellationToken cancellationToken) =>
        TasksApi.OpenAsync(projectId, jobId, taskId, req.HttpContext, services, cancellationToken);

    [Function(nameof(SaveDraft))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Saves a draft of the caller's task and renews the claim.")]
    public Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> SaveDraft(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{projectId}/jobs/{jobId}/tasks/{taskId}/draft")] HttpRequest req,
        string projectId,
        string jobId,
        string taskId,
        [FromBody] LabelRequest request,
        CancellationToken cancellationToken) =>
        TasksApi.DraftAsync(projectId, jobId, taskId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(SubmitTask))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Submits the caller's draw task.")]
    public Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> SubmitTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/tasks/{taskId}/submit")] HttpRequest req,
        string projectId,
        string jobId,
        string taskId,
        [FromBody] LabelRequest request,
        CancellationToken cancellationToken) =>
        TasksApi.SubmitAsync(projectId, jobId, taskId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ReleaseTask))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Gives a claimed task back to the pool.")]
    public Task<Results<NoContent, ProblemHttpResult>> ReleaseTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/tasks/{taskId}/release")] HttpRequest req,
        string projectId,
        string jobId,
        string taskId,
        CancellationToken cancellationToken) =>
        TasksApi.ReleaseAsync(projectId, jobId, taskId, req.HttpContext, services, cancellationToken);

    [Function(nameof(SkipTask))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Flags the task's asset as unlabelable.")]
    public Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SkipTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/tasks/{taskId}/skip")] HttpRequest req,
        string projectId,
        string jobId,
        string taskId,
        [FromBody] SkipRequest request,
        CancellationToken cancellationToken) =>
        TasksApi.SkipAsync(projectId, jobId, taskId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ReviewTask))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Tasks", "Approves, approves with edits, or rejects a pass under review.")]
    public Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> ReviewTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/tasks/{taskId}/review")] HttpRequest req,
        string projectId,
        string jobId,
        string taskId,
        [FromBody] ReviewRequest request,
        CancellationToken cancellationToken) =>
        TasksApi.ReviewAsync(projectId, jobId, taskId, request, req.HttpContext, services, cancellationToken);
}
