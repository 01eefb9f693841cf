using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FuncLabel.TestHandler;

/// <summary>
/// The queue and timer functions (<c>POST /{FunctionName}</c>). Each records the payload it got; a queue message is a
/// JSON command saying how this delivery should go: <c>{"key":"m1","failTimes":2,"sleepMs":0,"malformed":false,
/// "outputs":{…}}</c> — fail (500) while <c>DequeueCount ≤ failTimes</c>, answer a non-JSON 200 when malformed,
/// sleep first (so a test can kill the process mid-run), and return the given <c>Outputs</c>.
/// </summary>
internal static class TriggerFunctions
{
    public static void MapTriggerFunctions(this WebApplication app, InvocationRecords records)
    {
        foreach (var queueFunction in new[] { "Work", "Text", "Emit" })
        {
            app.MapPost($"/{queueFunction}", (Delegate)((HttpContext context) => QueueAsync(context, queueFunction, records)));
        }

        foreach (var timerFunction in new[] { "Tick", "StartupTick" })
        {
            app.MapPost($"/{timerFunction}", async (HttpContext context) =>
            {
                var payload = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                records.Write(timerFunction, "succeeded", new JsonObject { ["payload"] = payload, ["headers"] = Headers(context) });
                return Results.Json(new { Outputs = new { }, Logs = new[] { $"{timerFunction} ran" } });
            });
        }
    }

    private static async Task<IResult> QueueAsync(HttpContext context, string function, InvocationRecords records)
    {
        var payload = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!;
        var data = payload["Data"]!["message"]!.GetValue<string>();
        var text = function == "Text" ? JsonSerializer.Deserialize<string>(data)! : Encoding.UTF8.GetString(Convert.FromBase64String(data));
        var command = JsonNode.Parse(text)!.AsObject();
        var dequeueCount = long.Parse(payload["Metadata"]!["DequeueCount"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        var record = new JsonObject
        {
            ["key"] = command["key"]?.GetValue<string>(),
            ["dequeueCount"] = dequeueCount,
            ["text"] = text,
            ["payload"] = payload.DeepClone(),
            ["headers"] = Headers(context),
        };
        records.Write(function, "started", (JsonObject)record.DeepClone());

        if (command["sleepMs"]?.GetValue<int>() is > 0 and var sleep)
        {
            await Task.Delay(sleep, context.RequestAborted);
        }

        if (dequeueCount <= (command["failTimes"]?.GetValue<int>() ?? 0))
        {
            records.Write(function, "failed", record);
            return Results.Text("failing on purpose", statusCode: 500);
        }

        if (command["malformed"]?.GetValue<bool>() == true)
        {
            records.Write(function, "failed", record);
            return Results.Text("this is not JSON", "application/json");
        }

        records.Write(function, "succeeded", record);
        return Results.Json(new JsonObject
        {
            ["Outputs"] = command["outputs"]?.DeepClone() ?? new JsonObject(),
            ["Logs"] = new JsonArray($"processed {record["key"]}"),
        });
    }

    private static JsonObject Headers(HttpContext context)
    {
        var headers = new JsonObject();
        foreach (var (name, values) in context.Request.Headers)
        {
            headers[name] = values.ToString();
        }

        return headers;
    }
}
