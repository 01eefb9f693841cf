using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using Azure.Storage.Queues.Models;

namespace FuncLabel.LocalHost.Queues;

/// <summary>
/// Builds a queue-trigger invocation from a received message: its decoded bytes and text, and the message properties
/// the worker gets as trigger metadata (docs/local-host.md, Queue trigger). The binding data for <c>{…}</c> in output
/// paths holds the message's properties and, for a JSON object message, its top-level scalar properties.
/// </summary>
internal static class QueueInvocation
{
    public static InvocationRequest Create(FunctionDefinition function, QueueTriggerBinding trigger, QueueMessage message, byte[] body, DateTimeOffset now)
    {
        var text = Encoding.UTF8.GetString(body);
        var input = new QueueTriggerInput(
            body,
            text,
            message.MessageId,
            message.PopReceipt,
            message.DequeueCount,
            message.InsertedOn ?? now,
            message.ExpiresOn ?? DateTimeOffset.MaxValue,
            message.NextVisibleOn ?? now);
        return new InvocationRequest(function, $"New queue message detected on '{trigger.QueueName}'.", input, BindingData(message, text));
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
