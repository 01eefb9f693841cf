using FuncLabel.Data.Assets;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Training;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Training;

/// <summary>The HTTP functions of <see cref="TemplatesApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class TemplatesFunctions(TrainingServices services, TemplateSources sources)
{
    [Function(nameof(CreateTemplate))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Training", "Creates a training template from a start and a gold answer.")]
    public Task<Results<Created<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> CreateTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/templates")] HttpRequest req,
        string projectId,
        [FromBody] CreateTemplateRequest request,
        CancellationToken cancellationToken) =>
        TemplatesApi.CreateAsync(projectId, request, req.HttpContext, services, sources, cancellationToken);

    [Function(nameof(CreateTemplateFromTask))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Training", "Creates a training template from a submitted task.")]
    public Task<Results<Created<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> CreateTemplateFromTask(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/templates/from-task")] HttpRequest req,
        string projectId,
        [FromBody] TemplateFromTaskRequest request,
        CancellationToken cancellationToken) =>
        TemplatesApi.CreateFromTaskAsync(projectId, request, req.HttpContext, services, sources, cancellationToken);

    [Function(nameof(ListTemplates))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Lists the project's templates (gold only for owners).")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<TemplateSummary>>> ListTemplates(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/templates")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        TemplatesApi.ListAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);

    [Function(nameof(GetTemplate))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Reads a template (gold only for owners).")]
    public Task<Results<Ok<TemplateOwnerView>, Ok<TemplateView>, ProblemHttpResult>> GetTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/templates/{templateId}")] HttpRequest req,
        string projectId,
        string templateId,
        CancellationToken cancellationToken) =>
        TemplatesApi.GetAsync(projectId, templateId, req.HttpContext, services, cancellationToken);

    [Function(nameof(UpdateTemplate))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Training", "Edits a template as a new version (If-Match).")]
    public Task<Results<Ok<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> UpdateTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "projects/{projectId}/templates/{templateId}")] HttpRequest req,
        string projectId,
        string templateId,
        [FromBody] UpdateTemplateRequest request,
        CancellationToken cancellationToken) =>
        TemplatesApi.UpdateAsync(projectId, templateId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(PracticeTemplate))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Scores a practice answer with per-instance feedback.")]
    public Task<Results<Ok<PracticeResultView>, ValidationProblem, ProblemHttpResult>> PracticeTemplate(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/templates/{templateId}/practice")] HttpRequest req,
        string projectId,
        string templateId,
        [FromBody] PracticeRequest request,
        CancellationToken cancellationToken) =>
        TemplatesApi.PracticeAsync(projectId, templateId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListPracticeRuns))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Lists the caller's practice runs of a template.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<PracticeResultView>>> ListPracticeRuns(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/templates/{templateId}/practice")] HttpRequest req,
        string projectId,
        string templateId,
        CancellationToken cancellationToken) =>
        TemplatesApi.PracticeHistoryAsync(projectId, templateId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);
}
