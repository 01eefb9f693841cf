using FuncLabel.Data.Outbox;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Training;

/// <summary>The HTTP functions of <see cref="ExamsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class ExamsFunctions(TrainingServices services)
{
    [Function(nameof(CreateExam))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Training", "Creates an exam: templates, pass mark, attempts, credentials awarded.")]
    public Task<Results<Created<ExamView>, ValidationProblem, ProblemHttpResult>> CreateExam(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/exams")] HttpRequest req,
        string projectId,
        [FromBody] CreateExamRequest request,
        CancellationToken cancellationToken) =>
        ExamsApi.CreateAsync(projectId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListExams))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Lists the project's exams.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<ExamView>>> ListExams(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/exams")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        ExamsApi.ListAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);

    [Function(nameof(GetExam))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Reads an exam.")]
    public Task<Results<Ok<ExamView>, ProblemHttpResult>> GetExam(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/exams/{examId}")] HttpRequest req,
        string projectId,
        string examId,
        CancellationToken cancellationToken) =>
        ExamsApi.GetAsync(projectId, examId, req.HttpContext, services, cancellationToken);

    [Function(nameof(UpdateExam))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Training", "Changes an exam (If-Match).")]
    public Task<Results<Ok<ExamView>, ValidationProblem, ProblemHttpResult>> UpdateExam(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "projects/{projectId}/exams/{examId}")] HttpRequest req,
        string projectId,
        string examId,
        [FromBody] UpdateExamRequest request,
        CancellationToken cancellationToken) =>
        ExamsApi.UpdateAsync(projectId, examId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(StartAttempt))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Training", "Starts (or resumes) the caller's attempt at an exam.")]
    public Task<Results<Created<AttemptView>, Ok<AttemptView>, ProblemHttpResult>> StartAttempt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/exams/{examId}/attempts")] HttpRequest req,
        string projectId,
        string examId,
        CancellationToken cancellationToken) =>
        AttemptsApi.StartAsync(projectId, examId, req.HttpContext, services, cancellationToken);
}
