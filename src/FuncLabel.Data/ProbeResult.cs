namespace FuncLabel.Data;

/// <summary>The outcome of one dependency health probe.</summary>
internal sealed record ProbeResult(bool Healthy, double LatencyMs, string? Error)
{
    public static ProbeResult Ok(TimeSpan latency) => new(true, Math.Round(latency.TotalMilliseconds, 2), null);

    public static ProbeResult Failing(TimeSpan latency, string error) => new(false, Math.Round(latency.TotalMilliseconds, 2), error);
}
