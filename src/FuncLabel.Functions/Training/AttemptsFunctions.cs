using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Credentials;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Training;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;
using System.Globalization;

namespace FuncLabel.Functions.Training;

/// <summary>The HTTP functions of <see cref="AttemptsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class AttemptsFunctions(TrainingServices services)
{
    [Function(nameof(GetAttempt))]
    [Access(Callers.ResourceOwner)]
    [Operation("Training", "Reads the caller's attempt (feedback only once finished).")]
    public Task<Results<Ok<AttemptView>, ProblemHttpResult>> GetAttempt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "attempts/{attemptId}")] HttpRequest req,
        string attemptId,
        CancellationToken cancellationToken) =>
        AttemptsApi.GetAsync(attemptId, req.HttpContext, services, cancellationToken);

    [Function(nameof(AnswerAttemptItem))]
    [Access(Callers.ResourceOwner)]
    [Operation("Training", "Records the caller's answer to an exam item.")]
    public Task<Results<Ok<AttemptAnswerView>, ValidationProblem, ProblemHttpResult>> AnswerAttemptItem(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "attempts/{attemptId}/items/{itemId}/score")] HttpRequest req,
        string attemptId,
        string itemId,
        [FromBody] AttemptAnswerRequest request,
        CancellationToken cancellationToken) =>
        AttemptsApi.AnswerAsync(attemptId, itemId, request, req.HttpContext, services, cancellationToken);

    [Function(nameof(FinishAttempt))]
    [Access(Callers.ResourceOwner)]
    [Operation("Training", "Finishes the caller's attempt: score, pass or fail, credentials.")]
    public Task<Results<Ok<AttemptView>, ProblemHttpResult>> FinishAttempt(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "attempts/{attemptId}/finish")] HttpRequest req,
        string attemptId,
        CancellationToken cancellationToken) =>
        AttemptsApi.FinishAsync(attemptId, req.HttpContext, services, cancellationToken);

    [Function(nameof(ListMyAttempts))]
    [Access(Callers.Authenticated)]
    [Operation("Training", "Lists the caller's exam attempts.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<AttemptSummary>>> ListMyAttempts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "users/me/attempts")] HttpRequest req,
        CancellationToken cancellationToken) =>
        AttemptsApi.MineAsync(QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), req.HttpContext, services, cancellationToken);
}
