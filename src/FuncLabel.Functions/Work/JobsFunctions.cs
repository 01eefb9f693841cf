using FuncLabel.Data.Credentials;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Work;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;

namespace FuncLabel.Functions.Work;

/// <summary>The HTTP functions of <see cref="JobsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class JobsFunctions(JobServices services)
{
    [Function(nameof(CreateJob))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Creates a job (draft) with its guides, passes, review frequency and credentials.")]
    public Task<Results<Created<JobView>, ValidationProblem, ProblemHttpResult>> CreateJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs")] HttpRequest req,
        string projectId,
        [FromBody] JobRequest request,
        CancellationToken cancellationToken) =>
        JobsApi.CreateAsync(projectId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListJobs))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Jobs", "Lists the project's jobs.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<JobView>>> ListJobs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/jobs")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        JobsApi.ListAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), services, cancellationToken);

    [Function(nameof(GetJob))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Jobs", "Reads a job.")]
    public Task<Results<Ok<JobView>, ProblemHttpResult>> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/jobs/{jobId}")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        JobsApi.GetAsync(projectId, jobId, req.HttpContext, services, cancellationToken);

    [Function(nameof(UpdateJob))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Changes a job's settings (If-Match).")]
    public Task<Results<Ok<JobView>, ValidationProblem, ProblemHttpResult>> UpdateJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "projects/{projectId}/jobs/{jobId}")] HttpRequest req,
        string projectId,
        string jobId,
        [FromBody] JobRequest request,
        CancellationToken cancellationToken) =>
        JobsApi.UpdateAsync(projectId, jobId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(LaunchJob))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Launches a job: work is created for every asset.")]
    public Task<Results<Ok<JobView>, ProblemHttpResult>> LaunchJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/launch")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        JobsApi.TransitionAsync(projectId, jobId, "launch", req.HttpContext, services, cancellationToken);

    [Function(nameof(PauseJob))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Pauses a job: no task is served until it is launched again.")]
    public Task<Results<Ok<JobView>, ProblemHttpResult>> PauseJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/pause")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        JobsApi.TransitionAsync(projectId, jobId, "pause", req.HttpContext, services, cancellationToken);

    [Function(nameof(CompleteJob))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Completes a job: no more tasks are served.")]
    public Task<Results<Ok<JobView>, ProblemHttpResult>> CompleteJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/complete")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        JobsApi.TransitionAsync(projectId, jobId, "complete", req.HttpContext, services, cancellationToken);

    [Function(nameof(GetJobProgress))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Counts a job's work items and tasks by state.")]
    public Task<Results<Ok<ProgressView>, ProblemHttpResult>> GetJobProgress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/jobs/{jobId}/progress")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        JobsApi.ProgressAsync(projectId, jobId, services, cancellationToken);

    [Function(nameof(CreateExport))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Starts an export of a job's labels (NDJSON or COCO).")]
    public Task<Results<Accepted<ExportView>, ValidationProblem, ProblemHttpResult>> CreateExport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/jobs/{jobId}/exports")] HttpRequest req,
        string projectId,
        string jobId,
        [FromBody] ExportRequest request,
        CancellationToken cancellationToken) =>
        JobsApi.CreateExportAsync(projectId, jobId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListExports))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Jobs", "Lists a job's exports with their download state.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<ExportView>>> ListExports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/jobs/{jobId}/exports")] HttpRequest req,
        string projectId,
        string jobId,
        CancellationToken cancellationToken) =>
        JobsApi.ListExportsAsync(projectId, jobId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), services, cancellationToken);
}
