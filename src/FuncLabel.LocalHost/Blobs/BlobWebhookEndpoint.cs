using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// The blob extension's Event Grid webhook, at the path the Functions host uses:
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.&lt;Name&gt;</c> with an array of Event Grid events.
/// </summary>
/// <remarks>
/// <para>With <c>aeg-event-type: SubscriptionValidation</c> it answers the handshake
/// (<c>{"validationResponse": code}</c>). Otherwise each <c>Microsoft.Storage.BlobCreated</c> event whose blob is in
/// the trigger's container and matches its path pattern becomes one invocation; other events are skipped. The answer
/// is 200 only when every invocation succeeded, 500 otherwise, so the sender (Event Grid, or the local blob watcher)
/// delivers the events again. A blob deleted before its event arrives is skipped. The <c>code</c> query value (the
/// <c>blobs_extension</c> system key in Azure) is not checked locally.</para>
/// </remarks>
internal static class BlobWebhookEndpoint
{
    public const string Path = "/runtime/webhooks/blobs";
    public const string FunctionNamePrefix = "Host.Functions.";

    public static IEndpointRouteBuilder MapBlobWebhook(this IEndpointRouteBuilder app, AppFolder folder, IFunctionInvoker invoker, BlobTriggerProperties properties)
    {
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Host.BlobWebhook");
        var functions = folder.Functions.Where(f => f.Trigger is BlobTriggerBinding).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        app.MapPost(Path, async context =>
        {
            var requested = context.Request.Query["functionName"].ToString();
            var name = requested.StartsWith(FunctionNamePrefix, StringComparison.OrdinalIgnoreCase) ? requested[FunctionNamePrefix.Length..] : requested;
            if (!functions.TryGetValue(name, out var function))
            {
                await Results.Problem(statusCode: 404, title: "No such blob-triggered function",
                    detail: $"functionName '{requested}' names no Event Grid blob trigger of this app (expected {FunctionNamePrefix}<Name>).").ExecuteAsync(context);
                return;
            }

            JsonArray events;
            try
            {
                events = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) switch
                {
                    JsonArray array => array,
                    JsonObject single => [single.DeepClone()],
                    _ => throw new JsonException("the body is not an array of events"),
                };
            }
            catch (JsonException e)
            {
                await Results.Problem(statusCode: 400, title: "Not Event Grid events", detail: $"body: {e.Message}").ExecuteAsync(context);
                return;
            }

            if (string.Equals(context.Request.Headers["aeg-event-type"], "SubscriptionValidation", StringComparison.OrdinalIgnoreCase))
            {
                var code = events.OfType<JsonObject>()
                    .FirstOrDefault(e => e.Text("eventType") == "Microsoft.EventGrid.SubscriptionValidationEvent")
                    .Child("data").Text("validationCode");
                await (code is null
                    ? Results.Problem(statusCode: 400, title: "No validation code", detail: "data.validationCode: missing in the SubscriptionValidationEvent")
                    : Results.Json(new JsonObject { ["validationResponse"] = code })).ExecuteAsync(context);
                return;
            }

            var failures = new List<string>();
            foreach (var item in events.OfType<JsonObject>())
            {
                var request = await BlobCreatedInvocation.CreateAsync(function, item, properties, context.RequestAborted);
                if (request is null)
                {
                    logger.LogDebug("{Function}: event {Id} ({Type}, {Subject}) is not for this trigger; skipped", function.Name, item.Text("id"), item.Text("eventType"), item.Text("subject"));
                    continue;
                }

                var outcome = await invoker.ExecuteAsync(request, context.RequestAborted);
                if (!outcome.Succeeded)
                {
                    failures.Add($"event {item.Text("id")}: {outcome.Failure} {outcome.Detail}");
                }
            }

            await (failures.Count == 0
                ? Results.Ok()
                : Results.Problem(statusCode: 500, title: "Blob trigger failed", detail: string.Join("; ", failures))).ExecuteAsync(context);
        });
        return app;
    }
}
