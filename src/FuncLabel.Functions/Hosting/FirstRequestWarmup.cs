using FuncLabel.Functions.Meta;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Builds, on a thread-pool thread while the worker still does its handshake with the host (init, metadata, the
/// function loads), what the first invocation would otherwise build on its own path: the dependency clients (the
/// Cosmos client and the blob and queue service clients, through the health probes that hold them), the CORS policy
/// and bearer options <see cref="Http.HttpFunctionMiddleware"/> reads, and the JSON and problem-details writers, by
/// writing a problem document and a health report into a discarded response. That first invocation was the start-up
/// gap to a bare worker (bench/results/startup.md).
/// </summary>
/// <remarks>
/// Nothing here does I/O: the clients are constructed, not called (the health endpoint still makes its round trips),
/// and no invocation is answered earlier than before. The services are the app's singletons, so the first request
/// reuses what was built (one that arrives mid-build waits on the container's lock for the same object). A failure
/// here is only logged: the request that needs the object meets the same error and reports it the usual way.
/// </remarks>
internal sealed class FirstRequestWarmup(IServiceProvider services, ILogger<FirstRequestWarmup> logger) : IHostedService
{
    private Task _warming = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warming = Task.Run(() => WarmAsync(cancellationToken), CancellationToken.None);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => _warming.WaitAsync(cancellationToken);

    private async Task WarmAsync(CancellationToken cancellationToken)
    {
        try
        {
            _ = services.GetServices<IHealthProbe>().ToList();

            using var scope = services.CreateScope();
            var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
            http.Response.Body = Stream.Null;
            cancellationToken.ThrowIfCancellationRequested();
            await services.GetRequiredService<ICorsPolicyProvider>().GetPolicyAsync(http, policyName: null);
            _ = services.GetRequiredService<ICorsService>();
            _ = await services.GetRequiredService<IAuthenticationSchemeProvider>().GetDefaultAuthenticateSchemeAsync();
            _ = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

            await Problems.NotFound("start-up warm-up").ExecuteAsync(http);
            await TypedResults.Json(new HealthReport("ok", new Dictionary<string, HealthCheck> { ["warm-up"] = new("ok", 0, null) }))
                .ExecuteAsync(http);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The worker stopped before the warm-up finished: nothing is left to warm for.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Start-up warm-up failed; the first request builds what it needs itself");
        }
    }
}
