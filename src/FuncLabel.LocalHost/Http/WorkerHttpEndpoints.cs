using System.Diagnostics;
using System.Globalization;
using System.Net;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Worker;
using FuncLabel.LocalHost.Worker.Rpc;
using Microsoft.AspNetCore.Routing;
using Yarp.ReverseProxy.Forwarder;

namespace FuncLabel.LocalHost.Http;

/// <summary>
/// Serves a worker's HTTP functions with the ASP.NET Core integration: the host matches <c>{routePrefix}/{route}</c>
/// and the function's methods itself, then at once sends the worker an invocation (an empty HTTP input, the route
/// values as trigger metadata) and forwards the original request to the worker's <c>HttpUri</c> with the invocation id
/// header (<see cref="WorkerForwardingTransformer"/>). The worker pairs the two and answers on the forwarded call, which
/// YARP streams back as it comes (bodies are never buffered); the invocation's own answer only says whether the function
/// succeeded. Anything that matches no function is left to the caller's fallback (404).
/// </summary>
internal static class WorkerHttpEndpoints
{
    public static IEndpointRouteBuilder MapWorkerHttpFunctions(this IEndpointRouteBuilder app, AppFolder folder, WorkerHost worker, TimeSpan? functionTimeout, TimeProvider time)
    {
        var forwarder = app.ServiceProvider.GetRequiredService<IHttpForwarder>();
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Host.Executor");
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
            ActivityTimeout = functionTimeout is { } limit ? limit + TimeSpan.FromMinutes(1) : TimeSpan.FromDays(1),
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionOrLower,
        };

        foreach (var function in folder.Functions.Where(f => f.Trigger is HttpTriggerBinding))
        {
            var trigger = (HttpTriggerBinding)function.Trigger;
            var pattern = string.IsNullOrEmpty(folder.Host.RoutePrefix) ? trigger.Route : $"{folder.Host.RoutePrefix}/{trigger.Route}";
            app.Map(pattern, async context =>
                {
                    var clock = Stopwatch.StartNew();
                    var session = await worker.WaitReadyAsync(context.RequestAborted);
                    if (session.HttpUri is not { } target)
                    {
                        logger.LogError("{Function}: the worker reported no HttpUri (is ConfigureFunctionsWebApplication used?)", function.Name);
                        context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                        return;
                    }

                    var invocationId = Guid.NewGuid().ToString();
                    logger.LogInformation("Executing 'Functions.{Function}' (Reason='This function was programmatically called via the host APIs.', Id={Id})", function.Name, invocationId);
                    var routeValues = context.Request.RouteValues
                        .Where(v => v.Value is not null)
                        .ToDictionary(v => v.Key, v => Convert.ToString(v.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.OrdinalIgnoreCase);
                    var rpc = WorkerInvocation.ForHttp(function, session.FunctionId(function.Name), invocationId, routeValues, time.GetUtcNow());
                    using var abandon = new CancellationTokenSource();
                    var invocation = session.Channel.InvokeAsync(rpc, function.Name, abandon.Token);
                    var error = await forwarder.SendAsync(context, target.ToString(), client, config, new WorkerForwardingTransformer(invocationId));
                    if (error != ForwarderError.None)
                    {
                        // The worker may never see the request: don't leave the invocation waiting for it.
                        await abandon.CancelAsync();
                    }

                    var outcome = await OutcomeAsync(invocation, error, clock, functionTimeout);
                    InvocationLogLines.Executed(logger, function.Name, invocationId, outcome);
                })
                .WithMetadata(new HttpMethodMetadata(trigger.Methods.Select(m => m.ToUpperInvariant()).ToList()))
                .WithDisplayName(function.Name);
        }

        return app;
    }

    private static async Task<InvocationOutcome> OutcomeAsync(Task<InvocationResponse> invocation, ForwarderError error, Stopwatch clock, TimeSpan? functionTimeout)
    {
        try
        {
            var response = await invocation.WaitAsync(functionTimeout ?? TimeSpan.FromMinutes(30));
            if (error != ForwarderError.None)
            {
                return InvocationOutcome.Failed(InvocationFailure.WorkerUnreachable, $"forwarding failed ({error})", clock.Elapsed);
            }

            return response.Result?.Status == StatusResult.Types.Status.Success
                ? InvocationOutcome.Success(clock.Elapsed)
                : InvocationOutcome.Failed(InvocationFailure.FunctionFailed, response.Result?.Exception?.Message ?? "the worker reported a failure", clock.Elapsed);
        }
        catch (OperationCanceledException)
        {
            return InvocationOutcome.Failed(InvocationFailure.WorkerUnreachable, $"forwarding failed ({error})", clock.Elapsed);
        }
        catch (WorkerUnavailableException e)
        {
            return InvocationOutcome.Failed(InvocationFailure.WorkerUnreachable, e.Message, clock.Elapsed);
        }
        catch (TimeoutException)
        {
            return InvocationOutcome.Failed(InvocationFailure.Timeout, "the worker did not answer the invocation", clock.Elapsed);
        }
    }
}
