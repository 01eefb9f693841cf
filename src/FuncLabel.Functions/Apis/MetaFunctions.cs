using FuncLabel.Functions.Hosting;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Http.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Apis;

/// <summary>Health, the OpenAPI document, and CORS preflight for every route.</summary>
internal sealed class MetaFunctions(IEnumerable<IHealthProbe> probes)
{
    [Function(nameof(GetHealth))]
    [Access(Callers.Anonymous)]
    [Operation("Meta", "Probes Cosmos DB, blob and queue storage; 503 when any is failing.")]
    [ProducesResponseType<HealthReport>(StatusCodes.Status200OK)]
    [ProducesResponseType<HealthReport>(StatusCodes.Status503ServiceUnavailable)]
    public Task<IResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req,
        CancellationToken cancellationToken) =>
        MetaApi.GetHealthAsync(probes, cancellationToken);

    [Function(nameof(GetOpenApiDocument))]
    [Access(Callers.Anonymous)]
    [Operation("Meta", "This document: every HTTP function with its route, access rule, request and responses.")]
    public IResult GetOpenApiDocument(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest req) =>
        TypedResults.Text(OpenApiDocument.Json.Value, "application/json");

    /// <summary>
    /// Routes every preflight to the app (the platform's own CORS is left empty so it does not answer first);
    /// <see cref="HttpFunctionMiddleware"/> answers it from the allowed origins before this runs.
    /// </summary>
    [Function(nameof(CorsPreflight))]
    [Access(Callers.Anonymous)]
    [Operation("Meta", "CORS preflight for any route (answered from the configured origins).")]
    public IResult CorsPreflight(
        [HttpTrigger(AuthorizationLevel.Anonymous, "options", Route = "{*path}")] HttpRequest req) =>
        TypedResults.NoContent();
}
