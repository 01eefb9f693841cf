using FuncLabel.Data;

namespace FuncLabel.Functions.Hosting;

/// <summary>One dependency reported by <c>GET /api/health</c> (Cosmos DB, Blob, Queue).</summary>
internal interface IHealthProbe
{
    string Name { get; }

    Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken);
}
