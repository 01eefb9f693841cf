using FuncLabel.Data;
using FuncLabel.Data.Cosmos;

namespace FuncLabel.Functions.Hosting;

internal sealed class CosmosHealthProbe(CosmosDatabase database) : IHealthProbe
{
    public string Name => "cosmos";

    public Task<ProbeResult> ProbeAsync(CancellationToken cancellationToken) => database.ProbeAsync(cancellationToken);
}
