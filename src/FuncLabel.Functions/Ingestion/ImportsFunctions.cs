using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Ingestion;

/// <summary>The HTTP functions of <see cref="ImportsApi"/>: each unpacks the request and calls its handler.</summary>
internal sealed class ImportsFunctions(ImportStore imports, ImportFileStore files, OntologyStore ontologies, AssetStore assets, IConfiguration configuration)
{
    [Function(nameof(ListImports))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Imports", "Lists the project's pre-label imports.")]
    [Query("limit", typeof(int), "Page size, 1–200 (default 50).")]
    [Query("continuationToken", typeof(string), "Where the previous page ended.")]
    public Task<Ok<ListPage<ImportView>>> ListImports(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/imports")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        ImportsApi.ListAsync(projectId, QueryValues.Int32(req, "limit"), QueryValues.Text(req, "continuationToken"), imports, cancellationToken);

    [Function(nameof(GetImport))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Imports", "Reads an import record: state, counts per band and reason, error file.")]
    public Task<Results<Ok<ImportView>, ProblemHttpResult>> GetImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "projects/{projectId}/imports/{importId}")] HttpRequest req,
        string projectId,
        string importId,
        CancellationToken cancellationToken) =>
        ImportsApi.GetAsync(projectId, importId, req.HttpContext, imports, files, cancellationToken);

    [Function(nameof(DryRunImport))]
    [Access(Callers.ProjectMember, ProjectRole.Owner)]
    [Operation("Imports", "Validates NDJSON pre-label lines against the ontology without storing anything.")]
    [ChangesNoState]
    [Http.OpenApi.RawBody("application/x-ndjson", "Labelbox NDJSON pre-label lines, one annotation per line.")]
    public Task<Results<Ok<DryRunView>, ProblemHttpResult>> DryRunImport(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "projects/{projectId}/imports/dry-run")] HttpRequest req,
        string projectId,
        CancellationToken cancellationToken) =>
        ImportsApi.DryRunAsync(projectId, req.HttpContext, ontologies, assets, configuration, cancellationToken);
}
