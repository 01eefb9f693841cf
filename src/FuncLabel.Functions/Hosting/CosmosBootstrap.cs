using FuncLabel.Data.Cosmos;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Creates the Cosmos database and containers at start-up when <c>Cosmos:CreateIfMissing</c> is true (locally).
/// In Azure the infrastructure creates them and the identity has no rights to, so the setting stays off — and the
/// start-up then makes no Cosmos call at all (<see cref="FirstRequestWarmup"/> only constructs the client, off the
/// critical path).
/// </summary>
/// <remarks>
/// The worker announces itself to the host (and receives invocations) while hosted services are still starting, so
/// invocations wait for <see cref="Ready"/> (<see cref="CosmosReadiness"/>): the first request of a fresh local run
/// must not find its container missing.
/// </remarks>
internal sealed class CosmosBootstrap(CosmosSettings settings, IServiceProvider services, ILogger<CosmosBootstrap> logger) : IHostedService
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the database and containers exist (at once when this process does not create them).</summary>
    public Task Ready => _ready.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!settings.CreateIfMissing)
        {
            _ready.TrySetResult();
            return;
        }

        try
        {
            await services.GetRequiredService<CosmosDatabase>().EnsureCreatedAsync(cancellationToken);
            _ready.TrySetResult();
            logger.LogInformation("Cosmos database {Database} and its containers are ready", settings.DatabaseName);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _ready.TrySetException(e);
            throw;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Holds every invocation until <see cref="CosmosBootstrap.Ready"/> (a no-op once it completed).</summary>
internal sealed class CosmosReadiness(CosmosBootstrap bootstrap) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        await bootstrap.Ready.WaitAsync(context.CancellationToken);
        await next(context);
    }
}
