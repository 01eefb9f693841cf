using System.Diagnostics;
using System.Text.Json;
using FuncLabel.Functions.Declarations;
using FuncLabel.Functions.Invocation;
using FuncLabel.Functions.Security;

namespace FuncLabel.Functions.Apis;

/// <summary>
/// <c>POST /{FunctionName}</c> for every declared queue and timer function: unpack the host's payload,
/// call the handler, answer <c>{ "Outputs": {}, "Logs": [...] }</c>. A failure answers 500, which the
/// host counts as a failed invocation (queue messages are then released and retried).
/// </summary>
public static class TriggerEndpoints
{
    public static IEndpointRouteBuilder MapTriggerEndpoints(this IEndpointRouteBuilder app, IEnumerable<FunctionDeclaration> functions)
    {
        foreach (var function in functions)
        {
            switch (function.Trigger)
            {
                case QueueTrigger:
                    app.MapPost($"/{function.Name}", (HttpContext context, CancellationToken cancellationToken) =>
                            InvokeAsync(context, function, (payload, id, services, ct) =>
                                ((IQueueFunction)services.GetRequiredService(function.Handler!)).HandleAsync(
                                    new QueueInvocation(
                                        id,
                                        payload.GetMessageBytes(function.Trigger.BindingName),
                                        payload.GetMetadataString("Id"),
                                        payload.GetMetadataInt64("DequeueCount") ?? 1,
                                        payload.GetMetadataTime("InsertionTime")),
                                    ct), cancellationToken))
                        .WithName(function.Name).ExcludeFromDescription().Allow(AccessRule.FunctionsHost);
                    break;
                case TimerTrigger:
                    app.MapPost($"/{function.Name}", (HttpContext context, CancellationToken cancellationToken) =>
                            InvokeAsync(context, function, (payload, id, services, ct) =>
                            {
                                var (pastDue, last, next) = payload.GetTimer(function.Trigger.BindingName);
                                return ((ITimerFunction)services.GetRequiredService(function.Handler!)).RunAsync(
                                    new TimerInvocation(id, pastDue, last, next), ct);
                            }, cancellationToken))
                        .WithName(function.Name).ExcludeFromDescription().Allow(AccessRule.FunctionsHost);
                    break;
            }
        }

        return app;
    }

    private static async Task<IResult> InvokeAsync(
        HttpContext context,
        FunctionDeclaration function,
        Func<InvocationPayload, string, IServiceProvider, CancellationToken, Task<InvocationOutcome>> handle,
        CancellationToken cancellationToken)
    {
        var invocationId = context.Request.Headers["X-Azure-Functions-InvocationId"].ToString() is { Length: > 0 } id
            ? id
            : Guid.NewGuid().ToString();
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("FuncLabel.Functions." + function.Name);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["InvocationId"] = invocationId, ["FunctionName"] = function.Name });
        var watch = Stopwatch.StartNew();

        InvocationPayload payload;
        try
        {
            using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            payload = InvocationPayload.Parse(document.RootElement.Clone());
        }
        catch (Exception e) when (e is JsonException or InvalidInvocationException)
        {
            logger.LogError(e, "Invocation of {FunctionName} has a malformed payload", function.Name);
            return TypedResults.Problem(e.Message, statusCode: StatusCodes.Status400BadRequest, title: "Malformed invocation payload");
        }

        var outcome = await handle(payload, invocationId, context.RequestServices, cancellationToken);
        logger.LogInformation("Invocation of {FunctionName} succeeded in {ElapsedMs} ms", function.Name, watch.ElapsedMilliseconds);
        return TypedResults.Json(new InvocationResponse(new Dictionary<string, object?>(), outcome.Logs, null));
    }
}

/// <summary>The JSON a custom handler returns for a non-HTTP invocation (docs/local-host.md, Handler response and outputs).</summary>
public sealed record InvocationResponse(
    [property: System.Text.Json.Serialization.JsonPropertyName("Outputs")] IReadOnlyDictionary<string, object?> Outputs,
    [property: System.Text.Json.Serialization.JsonPropertyName("Logs")] IReadOnlyList<string> Logs,
    [property: System.Text.Json.Serialization.JsonPropertyName("ReturnValue")] object? ReturnValue);
