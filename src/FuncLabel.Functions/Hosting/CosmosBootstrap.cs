using FuncLabel.Data.Cosmos;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Creates the Cosmos database and containers at start-up when <c>Cosmos:CreateIfMissing</c> is true (locally).
/// In Azure the infrastructure creates them and the identity has no rights to, so the setting stays off — and the
/// Cosmos client is then not even built at start-up (it is resolved on first use), which keeps cold starts short.
/// </summary>
public sealed class CosmosBootstrap(CosmosSettings settings, IServiceProvider services, ILogger<CosmosBootstrap> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.CreateIfMissing)
        {
            return;
        }

        await services.GetRequiredService<CosmosDatabase>().EnsureCreatedAsync(cancellationToken);
        logger.LogInformation("Cosmos database {Database} and its containers are ready", settings.DatabaseName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
