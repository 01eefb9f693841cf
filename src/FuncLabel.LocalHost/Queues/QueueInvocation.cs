using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using Azure.Storage.Queues.Models;

namespace FuncLabel.LocalHost.Queues;

/// <summary>
/// Builds a queue-trigger invocation (docs/local-host.md, Invocation payload): <c>Data[name]</c> is the decoded
/// message — base64 with <c>dataType: binary</c>, else its text as a double-encoded JSON string — and <c>Metadata</c>
/// holds <c>DequeueCount</c>, <c>ExpirationTime</c>, <c>Id</c>, <c>InsertionTime</c>, <c>NextVisibleTime</c>,
/// <c>PopReceipt</c> (converted like the host) and <c>sys</c>. <c>QueueTrigger</c> is binding data the host drops.
/// </summary>
internal static class QueueInvocation
{
    public static InvocationRequest Create(FunctionDefinition function, QueueTriggerBinding trigger, QueueMessage message, byte[] body, DateTimeOffset now)
    {
        var text = Encoding.UTF8.GetString(body);
        var data = new JsonObject { [trigger.Name] = trigger.Binary ? PayloadValue.Bytes(body) : PayloadValue.Text(text) };
        var metadata = new JsonObject
        {
            ["DequeueCount"] = PayloadValue.Number(message.DequeueCount),
            ["ExpirationTime"] = PayloadValue.Time(message.ExpiresOn.GetValueOrDefault()),
            ["Id"] = PayloadValue.Text(message.MessageId),
            ["InsertionTime"] = PayloadValue.Time(message.InsertedOn.GetValueOrDefault()),
            ["NextVisibleTime"] = PayloadValue.Time(message.NextVisibleOn.GetValueOrDefault()),
            ["PopReceipt"] = PayloadValue.Text(message.PopReceipt),
            ["sys"] = PayloadValue.System(function.Name, now),
        };
        return new InvocationRequest(
            function,
            $"New queue message detected on '{trigger.QueueName}'.",
            data,
            metadata,
            BindingData(message, text))
        {
            Trigger = new QueueTriggerInput(body, text, message.MessageId, message.PopReceipt, message.DequeueCount, message.InsertedOn.GetValueOrDefault(), message.ExpiresOn.GetValueOrDefault(), message.NextVisibleOn.GetValueOrDefault()),
        };
    }

    /// <summary>Plain values for <c>{…}</c> in output paths: the message's properties and a JSON message's top-level scalars.</summary>
    private static Dictionary<string, string> BindingData(QueueMessage message, string text)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            if (text.TrimStart().StartsWith('{') && JsonNode.Parse(text) is JsonObject json)
            {
                foreach (var (name, value) in json)
                {
                    if (value is JsonValue scalar)
                    {
                        values[name] = scalar.GetValueKind() == JsonValueKind.String ? scalar.GetValue<string>() : scalar.ToJsonString();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON after all: only the message's own properties are available.
        }

        values["QueueTrigger"] = text;
        values["Id"] = message.MessageId;
        values["DequeueCount"] = message.DequeueCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        values["PopReceipt"] = message.PopReceipt;
        return values;
    }
}
