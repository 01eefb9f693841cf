namespace FuncLabel.Functions.Invocation;

/// <summary>A decoded queue-trigger invocation (docs/local-host.md, Invocation payload).</summary>
/// <param name="Body">The message text as the producer wrote it (after the host's base64 decoding).</param>
/// <param name="MessageId">The queue message id; stable across redeliveries, so usable for de-duplication.</param>
/// <param name="DequeueCount">1 on the first delivery.</param>
public sealed record QueueInvocation(string InvocationId, byte[] Body, string? MessageId, long DequeueCount, DateTimeOffset? InsertionTime)
{
    public string BodyText => System.Text.Encoding.UTF8.GetString(Body);
}
