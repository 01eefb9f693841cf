using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace FuncLabel.TestWorker;

/// <summary>
/// Queue-triggered functions. A <c>Work</c> message is a JSON command saying how this delivery should go:
/// <c>{"key":"m1","failTimes":2,"sleepMs":0,"sleepTimes":1}</c> — throw while <c>DequeueCount ≤ failTimes</c>; sleep first
/// (on every delivery, or while <c>DequeueCount ≤ sleepTimes</c>).
/// <c>Forward</c> answers through a <c>$return</c> queue output; <c>Emit</c> through several output bindings.
/// </summary>
public sealed class QueueFunctions(Records records, ILogger<QueueFunctions> logger)
{
    [Function("Work")]
    public async Task Work([QueueTrigger("%WorkQueue%")] string message, FunctionContext context)
    {
        var command = JsonNode.Parse(message)!.AsObject();
        var metadata = BindingDataRecord.From(context);
        var dequeueCount = long.Parse(metadata["DequeueCount"]!.GetValue<string>(), CultureInfo.InvariantCulture);
        var record = new JsonObject
        {
            ["key"] = command["key"]?.GetValue<string>(),
            ["dequeueCount"] = dequeueCount,
            ["text"] = message,
            ["metadata"] = metadata,
            ["invocationId"] = context.InvocationId,
        };
        records.Write("Work", "started", (JsonObject)record.DeepClone());
        logger.LogInformation("Work {Key} delivery {DequeueCount}", record["key"]?.GetValue<string>(), dequeueCount);

        if (command["sleepMs"]?.GetValue<int>() is > 0 and var sleep && dequeueCount <= (command["sleepTimes"]?.GetValue<int>() ?? int.MaxValue))
        {
            await Task.Delay(sleep, context.CancellationToken);
        }

        if (dequeueCount <= (command["failTimes"]?.GetValue<int>() ?? 0))
        {
            records.Write("Work", "failed", record);
            throw new InvalidOperationException($"failing on purpose (delivery {dequeueCount})");
        }

        records.Write("Work", "succeeded", record);
    }

    [Function("Forward")]
    [QueueOutput("%OutQueue%")]
    public string Forward([QueueTrigger("%ForwardQueue%")] string message)
    {
        records.Write("Forward", "succeeded", new JsonObject { ["text"] = message });
        return "forwarded: " + message;
    }

    [Function("Emit")]
    public EmitOutputs Emit([QueueTrigger("%EmitQueue%")] string message)
    {
        records.Write("Emit", "succeeded", new JsonObject { ["text"] = message });
        return new EmitOutputs { Next = [$"{message} #1", $"{message} #2"], Report = $"report of {message}" };
    }
}

/// <summary>Several outputs from one invocation: two queue messages and a blob named after the trigger's message id.</summary>
public sealed class EmitOutputs
{
    [QueueOutput("%OutQueue%")]
    public string[]? Next { get; set; }

    [BlobOutput("%OutContainer%/{Id}.txt")]
    public string? Report { get; set; }
}
