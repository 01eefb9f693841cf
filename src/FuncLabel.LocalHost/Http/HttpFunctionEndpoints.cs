using System.Diagnostics;
using System.Net;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Handler;
using Microsoft.AspNetCore.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace FuncLabel.LocalHost.Http;

/// <summary>
/// Serves forwarded HTTP functions: <c>{routePrefix}/{route}</c> with the function's methods is streamed to the
/// handler and its raw response streamed back (status, headers and body as the handler wrote them, no envelope).
/// YARP's <see cref="IHttpForwarder"/> does the streaming both ways, so large bodies never sit in memory.
/// A request that arrives while the handler restarts waits for the new one.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(
        this IEndpointRouteBuilder app, AppFolder folder, HandlerProcess handler, TimeSpan? functionTimeout)
    {
        var forwarder = app.ServiceProvider.GetRequiredService<IHttpForwarder>();
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Host.Http");
        var client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            ActivityHeadersPropagator = null,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        });
        var config = new ForwarderRequestConfig
        {
            // Like the host's HttpClient: functionTimeout plus a minute, or practically unbounded.
            ActivityTimeout = functionTimeout is { } limit ? limit + TimeSpan.FromMinutes(1) : TimeSpan.FromDays(1),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        foreach (var function in folder.Functions.Where(f => f.IsForwardedHttp))
        {
            var trigger = (HttpTriggerBinding)function.Trigger;
            var pattern = string.IsNullOrEmpty(folder.Host.RoutePrefix) ? trigger.Route : $"{folder.Host.RoutePrefix}/{trigger.Route}";
            app.Map(pattern, async context =>
                {
                    var clock = Stopwatch.StartNew();
                    var address = await handler.WaitReadyAsync(context.RequestAborted);
                    var error = await forwarder.SendAsync(context, address.ToString(), client, config, ForwardingTransformer.Instance);
                    if (error != ForwarderError.None)
                    {
                        logger.LogWarning("{Function}: {Method} {Path} failed to forward ({Error}) after {Duration}ms",
                            function.Name, context.Request.Method, context.Request.Path, error, clock.ElapsedMilliseconds);
                    }
                    else
                    {
                        logger.LogInformation("{Function}: {Method} {Path} → {Status} in {Duration}ms",
                            function.Name, context.Request.Method, context.Request.Path, context.Response.StatusCode, clock.ElapsedMilliseconds);
                    }
                })
                .WithMetadata(new HttpMethodMetadata(trigger.Methods.Select(m => m.ToUpperInvariant()).ToList()))
                .WithDisplayName(function.Name);
        }

        return app;
    }
}
