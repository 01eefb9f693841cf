using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Ontologies;

/// <summary>The HTTP functions of <see cref="OntologyApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class OntologyFunctions(OntologyStore store, TimeProvider time)
{
    [Function(nameof(GetOntology))]
    [Access(Callers.ProjectMember, ProjectRole.Annotator)]
    [Operation("Ontology", "Reads the project's current ontology version.")]
    [Query("version", typeof(int), "An earlier ontology version (default: the current one).")]
    public Task<Results<Ok<OntologyView>, ProblemHttpResult>> GetOntology(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/ontology")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        OntologyApi.GetAsync(projectId, QueryValues.Int32(req, "version"), req.HttpContext, store, cancellationToken);

    [Function(nameof(PutOntology))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Ontology", "Creates the next ontology version (classes in use cannot be removed).")]
    public Task<Results<Ok<OntologyView>, ValidationProblem, ProblemHttpResult>> PutOntology(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "projects/{projectId}/ontology")] HttpRequest req,
        string projectId,
        [FromBody] OntologyDraft request,
        CancellationToken cancellationToken) =>
        OntologyApi.PutAsync(projectId, request, req.HttpContext, store, time, cancellationToken);
}
