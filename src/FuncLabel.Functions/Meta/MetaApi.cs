using FuncLabel.Functions.Hosting;

namespace FuncLabel.Functions.Meta;

/// <summary>Dependency health.</summary>
internal static class MetaApi
{
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

internal sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthCheck> Checks);

internal sealed record HealthCheck(string Status, double LatencyMs, string? Error);
