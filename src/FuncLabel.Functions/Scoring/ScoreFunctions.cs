using FuncLabel.Data.Ontologies;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Scoring;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;
using System.Text.Json;

namespace FuncLabel.Functions.Scoring;

/// <summary>The HTTP functions of <see cref="ScoreApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class ScoreFunctions(OntologyStore store)
{
    [Function(nameof(Score))]
    [Access(Callers.Authenticated)]
    [Operation("Scoring", "Scores a candidate against gold with a given ontology (stateless).")]
    [ChangesNoState]
    public Task<Results<Ok<ScoreResult>, ValidationProblem>> Score(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "score")] HttpRequest req,
        [FromBody] ScoreRequest request,
        CancellationToken cancellationToken) =>
        Task.FromResult(ScoreApi.Score(request));

    [Function(nameof(ScoreWithProjectOntology))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Scoring", "Scores a candidate against gold with the project's ontology (stateless).")]
    [ChangesNoState]
    public Task<Results<Ok<ScoreResult>, ValidationProblem>> ScoreWithProjectOntology(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/score")] HttpRequest req,
        string projectId,
        [FromBody] ProjectScoreRequest request,
        CancellationToken cancellationToken) =>
        ScoreApi.ScoreWithProjectOntologyAsync(projectId, request, store, cancellationToken);
}
