using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Worker.Rpc;
using Google.Protobuf;
using InvocationRequest = FuncLabel.LocalHost.Invocation.InvocationRequest;
using RpcInvocation = FuncLabel.LocalHost.Worker.Rpc.InvocationRequest;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Builds the worker's <c>InvocationRequest</c> for each trigger, with the inputs and trigger metadata the WebJobs
/// extensions give (docs/local-host.md, "Worker mode"): queue — the message as a string (bytes for
/// <c>dataType: binary</c>) and <c>QueueTrigger</c>, <c>Id</c>, <c>PopReceipt</c>, <c>DequeueCount</c>,
/// <c>InsertionTime</c>, <c>ExpirationTime</c>, <c>NextVisibleTime</c>; timer — the <c>TimerInfo</c> JSON; blob — model
/// binding data the worker resolves itself, and the path parameters, <c>BlobTrigger</c>, <c>Uri</c>,
/// <c>Properties</c>, <c>Metadata</c>; HTTP — an empty request (the real one is forwarded) and the route values. Every
/// request carries a W3C trace context: the worker fails invocations without one.
/// </summary>
internal static class WorkerInvocation
{
    public const string BlobBindingSource = "AzureStorageBlobs";

    public static RpcInvocation Create(InvocationRequest request, string functionId, DateTimeOffset now)
    {
        var rpc = New(request.Id, functionId);
        var trigger = request.Function.Trigger;
        switch (request.Trigger)
        {
            case QueueTriggerInput queue:
                rpc.InputData.Add(Input(trigger.Name, trigger is QueueTriggerBinding { Binary: true }
                    ? new TypedData { Bytes = ByteString.CopyFrom(queue.Body) }
                    : new TypedData { String = queue.Text }));
                rpc.TriggerMetadata["QueueTrigger"] = new TypedData { String = queue.Text };
                rpc.TriggerMetadata["Id"] = new TypedData { String = queue.MessageId };
                rpc.TriggerMetadata["PopReceipt"] = new TypedData { String = queue.PopReceipt };
                rpc.TriggerMetadata["DequeueCount"] = Json(queue.DequeueCount);
                rpc.TriggerMetadata["InsertionTime"] = Json(queue.InsertedOn);
                rpc.TriggerMetadata["ExpirationTime"] = Json(queue.ExpiresOn);
                rpc.TriggerMetadata["NextVisibleTime"] = Json(queue.NextVisibleOn);
                break;
            case TimerTriggerInput timer:
                rpc.InputData.Add(Input(trigger.Name, new TypedData { Json = TimerInfo(timer).ToJsonString() }));
                rpc.TriggerMetadata["TimerTrigger"] = new TypedData { String = timer.Occurrence.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) };
                break;
            case BlobTriggerInput blob:
                var reference = new JsonObject { ["Connection"] = blob.Connection, ["ContainerName"] = blob.Container, ["BlobName"] = blob.BlobName };
                rpc.InputData.Add(Input(trigger.Name, new TypedData
                {
                    ModelBindingData = new ModelBindingData
                    {
                        Version = "1.0",
                        Source = BlobBindingSource,
                        ContentType = "application/json",
                        Content = ByteString.CopyFromUtf8(reference.ToJsonString()),
                    },
                }));
                foreach (var (name, value) in blob.Parameters)
                {
                    rpc.TriggerMetadata[name] = new TypedData { String = value };
                }

                rpc.TriggerMetadata["BlobTrigger"] = new TypedData { String = $"{blob.Container}/{blob.BlobName}" };
                rpc.TriggerMetadata["Uri"] = new TypedData { String = blob.Uri.AbsoluteUri };
                rpc.TriggerMetadata["Properties"] = new TypedData { Json = blob.Properties.ToJsonString() };
                rpc.TriggerMetadata["Metadata"] = new TypedData { Json = blob.Metadata.ToJsonString() };
                break;
            default:
                throw new InvalidOperationException($"{request.Function.Name}: no trigger input to send to the worker.");
        }

        rpc.TriggerMetadata["sys"] = System(request.Function.Name, now);
        return rpc;
    }

    /// <summary>An HTTP invocation: the request itself travels over HTTP with <c>x-ms-invocation-id</c>; this carries the route values.</summary>
    public static RpcInvocation ForHttp(FunctionDefinition function, string functionId, string invocationId, IReadOnlyDictionary<string, string> routeValues, DateTimeOffset now)
    {
        var rpc = New(invocationId, functionId);
        rpc.InputData.Add(Input(function.Trigger.Name, new TypedData { Http = new RpcHttp() }));
        foreach (var (name, value) in routeValues)
        {
            rpc.TriggerMetadata[name] = new TypedData { String = value };
        }

        rpc.TriggerMetadata["sys"] = System(function.Name, now);
        return rpc;
    }

    private static RpcInvocation New(string invocationId, string functionId) => new()
    {
        InvocationId = invocationId,
        FunctionId = functionId,
        TraceContext = new RpcTraceContext { TraceParent = TraceParent() },
    };

    private static ParameterBinding Input(string name, TypedData data) => new() { Name = name, Data = data };

    private static TypedData Json<T>(T value) => new() { Json = JsonSerializer.Serialize(value) };

    private static JsonObject TimerInfo(TimerTriggerInput timer) => new()
    {
        ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
        ["ScheduleStatus"] = timer.Status is { } status
            ? new JsonObject
            {
                ["Last"] = JsonValue.Create(status.Last),
                ["Next"] = JsonValue.Create(status.Next),
                ["LastUpdated"] = JsonValue.Create(status.LastUpdated),
            }
            : null,
        ["IsPastDue"] = timer.IsPastDue,
    };

    private static TypedData System(string functionName, DateTimeOffset now) => new()
    {
        Json = new JsonObject
        {
            ["MethodName"] = functionName,
            ["UtcNow"] = JsonValue.Create(now.UtcDateTime),
            ["RandGuid"] = Guid.NewGuid().ToString(),
        }.ToJsonString(),
    };

    /// <summary>The current activity's W3C id when there is one (an HTTP request being served), else a new trace.</summary>
    private static string TraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id: { } id }
            ? id
            : new StringBuilder("00-").Append(ActivityTraceId.CreateRandom().ToHexString()).Append('-')
                .Append(ActivitySpanId.CreateRandom().ToHexString()).Append("-00").ToString();
}
