using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Builds the route table once, on a worker thread while the server starts, instead of on the request thread of the
/// first request.
/// </summary>
/// <remarks>
/// ASP.NET Core builds endpoints lazily: the routing middleware builds every endpoint (its generated request delegate,
/// its metadata, the JSON contracts of its body and response) when the first request arrives, and the framework's own
/// route data sources do not keep what they built, so the route table the OpenAPI document and link generation read
/// is built a second time. About 75 endpoints made that the largest part of the first request (bench/results/startup.md).
/// Here every mapped data source is put behind one <see cref="CompositeEndpointDataSource"/>, which builds once and
/// keeps the result (under its lock, so a request that arrives mid-build waits for that build rather than starting
/// another), and a worker thread starts that build as soon as the routes are mapped. The server binds its port and
/// starts meanwhile on the main thread. The bearer options the first authenticated request would configure are
/// warmed on the same thread. Nothing is answered earlier than it would be: the readiness probe and every request
/// go through routing and authentication as before; they just find the work done. The gain needs a free second core:
/// on one core the same work is done in another order, neither faster nor slower.
/// </remarks>
public static class EndpointPrebuild
{
    /// <summary>Call after the last route is mapped.</summary>
    public static WebApplication PrebuildEndpoints(this WebApplication app)
    {
        var routes = (IEndpointRouteBuilder)app;
        var shared = new CompositeEndpointDataSource([.. routes.DataSources]);
        routes.DataSources.Clear();
        routes.DataSources.Add(shared);

        var services = app.Services;
        var stopping = app.Lifetime.ApplicationStopping;
        _ = Task.Run(() => Warm(shared, services, stopping), stopping);
        return app;
    }

    private static void Warm(CompositeEndpointDataSource routes, IServiceProvider services, CancellationToken cancellationToken)
    {
        try
        {
            _ = routes.Endpoints;
            cancellationToken.ThrowIfCancellationRequested();
            _ = services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);
            StartupTrace.Mark("endpoints prebuilt");
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Not fatal here: the first request builds again and fails with the same error, answered and logged the
            // way every request failure is. Logged so the cause is also seen when no request has come yet.
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(EndpointPrebuild))
                .LogError(exception, "Building the route table ahead of the first request failed");
        }
    }
}
