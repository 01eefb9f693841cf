using System.Globalization;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Invocation;

/// <summary>A queue-trigger invocation: the message and the trigger metadata the host sends with it.</summary>
/// <param name="Body">The message text as the producer wrote it (after the host's base64 decoding).</param>
/// <param name="MessageId">The queue message id; stable across redeliveries, so usable for de-duplication.</param>
/// <param name="DequeueCount">1 on the first delivery.</param>
internal sealed record QueueInvocation(string InvocationId, byte[] Body, string? MessageId, long DequeueCount, DateTimeOffset? InsertionTime)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);

    /// <summary>
    /// The invocation of a queue-triggered function: the message text and the host's trigger metadata (<c>Id</c>,
    /// <c>DequeueCount</c>, <c>InsertionTime</c>; times may arrive as JSON strings).
    /// </summary>
    public static QueueInvocation From(FunctionContext context, string message)
    {
        var data = context.BindingContext.BindingData;
        return new QueueInvocation(
            context.InvocationId,
            System.Text.Encoding.UTF8.GetBytes(message),
            Text(data.GetValueOrDefault("Id")),
            long.TryParse(Text(data.GetValueOrDefault("DequeueCount")), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : 1,
            DateTimeOffset.TryParse(Text(data.GetValueOrDefault("InsertionTime")), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var inserted) ? inserted : null);
    }

    /// <summary>A metadata value as text: the host sends scalars as JSON, so a quoted string loses its quotes.</summary>
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s when s.Length >= 2 && s[0] == '"' => JsonSerializer.Deserialize<string>(s),
        string s => s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
