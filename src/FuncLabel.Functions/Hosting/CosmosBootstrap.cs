using FuncLabel.Data.Cosmos;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Creates the Cosmos database and containers at start-up when <c>Cosmos:CreateIfMissing</c> is true (locally).
/// In Azure the infrastructure creates them and the identity has no rights to, so the setting stays off.
/// </summary>
public sealed class CosmosBootstrap(CosmosDatabase database, ILogger<CosmosBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!database.Settings.CreateIfMissing)
        {
            return;
        }

        await database.EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Cosmos database {Database} and its containers are ready", database.Settings.DatabaseName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
