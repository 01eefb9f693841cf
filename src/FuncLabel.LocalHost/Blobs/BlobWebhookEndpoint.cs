using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Blobs;

/// <summary>
/// The blob extension's Event Grid webhook, at the path the Functions host uses:
/// <c>POST /runtime/webhooks/blobs?functionName=Host.Functions.&lt;Name&gt;</c> with an array of Event Grid events.
/// </summary>
/// <remarks>
/// <para>With <c>aeg-event-type: SubscriptionValidation</c> it answers the handshake
/// (<c>{"validationResponse": code}</c>). Otherwise each <c>Microsoft.Storage.BlobCreated</c> event for a blob in the
/// trigger's container that matches its path pattern is put on the blob trigger's internal queue
/// (<see cref="BlobTriggerQueue"/>), and the answer is <c>202 Accepted</c> as soon as they are queued — as the extension
/// does; the invocations run (and are retried, then poisoned) from that queue, so the sender hears nothing of their
/// outcome. Other events are skipped. The <c>code</c> query value (the <c>blobs_extension</c> system key in Azure) is
/// not checked locally.</para>
/// <para>Where this is stricter than the extension (which queues whatever it is sent): a <c>functionName</c> that is not
/// a blob-triggered function of the app gets 404, a body that is not JSON events 400, a BlobCreated event without
/// <c>data.url</c> 400 (nothing of that post is queued), and events outside the trigger's path are skipped.</para>
/// </remarks>
internal static class BlobWebhookEndpoint
{
    public const string Path = "/runtime/webhooks/blobs";

    public static IEndpointRouteBuilder MapBlobWebhook(this IEndpointRouteBuilder app, AppFolder folder, BlobTriggerQueue queue)
    {
        var logger = app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Host.BlobWebhook");
        var functions = folder.Functions.Where(f => f.Trigger is BlobTriggerBinding).ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        app.MapPost(Path, async context =>
        {
            var requested = context.Request.Query["functionName"].ToString();
            var name = requested.StartsWith(BlobTriggerMessage.FunctionIdPrefix, StringComparison.OrdinalIgnoreCase)
                ? requested[BlobTriggerMessage.FunctionIdPrefix.Length..]
                : requested;
            if (!functions.TryGetValue(name, out var function))
            {
                await Results.Problem(statusCode: 404, title: "No such blob-triggered function",
                    detail: $"functionName '{requested}' names no Event Grid blob trigger of this app (expected {BlobTriggerMessage.FunctionIdPrefix}<Name>).").ExecuteAsync(context);
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

            var messages = new List<BlobTriggerMessage>();
            for (var index = 0; index < events.Count; index++)
            {
                var item = events[index] as JsonObject ?? [];
                if (BlobTriggerMessage.FromEvent(item, function, out var problem) is { } message)
                {
                    messages.Add(message);
                }
                else if (problem is not null)
                {
                    await Results.Problem(statusCode: 400, title: "Not a usable BlobCreated event", detail: $"[{index}].{problem}").ExecuteAsync(context);
                    return;
                }
                else
                {
                    logger.LogDebug("{Function}: event {Id} ({Type}, {Subject}) is not for this trigger; skipped",
                        function.Name, item.Text("id"), item.Text("eventType"), item.Text("subject"));
                }
            }

            foreach (var message in messages)
            {
                await queue.EnqueueAsync(message, context.RequestAborted);
            }

            logger.LogInformation("{Function}: {Queued} of {Events} event(s) queued on '{Queue}'", function.Name, messages.Count, events.Count, queue.Name);
            context.Response.StatusCode = StatusCodes.Status202Accepted;
        });
        return app;
    }
}
