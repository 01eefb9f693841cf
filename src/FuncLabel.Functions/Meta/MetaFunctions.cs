using FuncLabel.Functions.Hosting;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Http.OpenApi;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Meta;

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
    /// Routes to the app what no operation matches: CORS preflight for any path (the platform's own CORS is left empty
    /// so it does not answer first; <see cref="HttpFunctionMiddleware"/> answers it from the allowed origins before this
    /// runs), and unknown paths, which get a problem document like every other error. A catch-all route has the lowest
    /// precedence, so every operation's own route wins.
    /// </summary>
    [Function(nameof(Fallback))]
    [Access(Callers.Anonymous)]
    [NotAnOperation]
    public IResult Fallback(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", "patch", "delete", "options", Route = "{*path}")] HttpRequest req) =>
        HttpMethods.IsOptions(req.Method)
            ? TypedResults.NoContent()
            : Validation.Problems.NotFound($"No operation at {req.Method} {req.Path}.");
}
