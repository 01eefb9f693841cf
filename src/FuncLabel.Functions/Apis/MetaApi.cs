using FuncLabel.Functions.Hosting;
using FuncLabel.Functions.Security;

namespace FuncLabel.Functions.Apis;

/// <summary>Readiness for the Functions host (<c>GET /</c>), dependency health, and the OpenAPI document.</summary>
public static class MetaApi
{
    public static IEndpointRouteBuilder MapMetaApi(this IEndpointRouteBuilder app)
    {
        // The host polls GET / until any answer, then pings it; outside /api on purpose.
        app.MapGet("/", () => TypedResults.Ok(new ServiceInfo("FuncLabel"))).ExcludeFromDescription().Allow(AccessRule.Anonymous);
        app.MapGet("/api/health", GetHealthAsync).WithName("GetHealth").WithTags("Meta").Allow(AccessRule.Anonymous);
        app.MapOpenApi("/api/openapi.json").Allow(AccessRule.Anonymous);
        return app;
    }

    /// <summary>Probes every dependency concurrently; 503 when any is failing.</summary>
    public static async Task<IResult> GetHealthAsync(IEnumerable<IHealthProbe> probes, CancellationToken cancellationToken)
    {
        var list = probes.ToList();
        var results = await Task.WhenAll(list.Select(p => p.ProbeAsync(cancellationToken)));
        var checks = list.Zip(results).ToDictionary(
            pair => pair.First.Name,
            pair => new HealthCheck(pair.Second.Healthy ? "ok" : "failing", pair.Second.LatencyMs, pair.Second.Error));
        var healthy = results.All(r => r.Healthy);
        return TypedResults.Json(
            new HealthReport(healthy ? "ok" : "failing", checks),
            statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}

/// <summary>The readiness answer; a named type because the request delegate generator cannot bind anonymous ones.</summary>
public sealed record ServiceInfo(string Service);

public sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthCheck> Checks);

public sealed record HealthCheck(string Status, double LatencyMs, string? Error);
