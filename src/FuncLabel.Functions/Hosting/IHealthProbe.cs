using FuncLabel.Data;

namespace FuncLabel.Functions.Hosting;

/// <summary>One dependency reported by <c>GET /api/health</c> (Cosmos DB, Blob, Queue).</summary>
public interface IHealthProbe
{
    string Name { get; }

    Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
