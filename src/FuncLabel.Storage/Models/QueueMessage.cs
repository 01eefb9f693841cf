namespace FuncLabel.Storage.Models;

/// <summary>A message received from a queue, invisible to others until <see cref="NextVisibleOn"/>.</summary>
public sealed class QueueMessage
{
    internal QueueMessage(
        string messageId, string popReceipt, long dequeueCount, DateTimeOffset insertedOn, DateTimeOffset expiresOn,
        DateTimeOffset nextVisibleOn, string messageText, BinaryData body)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        DequeueCount = dequeueCount;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
        NextVisibleOn = nextVisibleOn;
        MessageText = messageText;
        Body = body;
    }

    public string MessageId { get; }

    /// <summary>Proof of this receive: needed to delete the message or change its visibility.</summary>
    public string PopReceipt { get; }

    public long DequeueCount { get; }

    public DateTimeOffset InsertedOn { get; }

    public DateTimeOffset ExpiresOn { get; }

    public DateTimeOffset NextVisibleOn { get; }

    /// <summary>The <c>MessageText</c> element as stored (base64 when the sender encoded it).</summary>
    public string MessageText { get; }

    /// <summary>
    /// The payload: with <see cref="QueueMessageEncoding.Base64"/>, the decoded bytes when <see cref="MessageText"/> is
    /// valid base64, otherwise its UTF-8 bytes (a sender that wrote plain JSON); with <see cref="QueueMessageEncoding.None"/>,
    /// always the UTF-8 bytes of the text.
    /// </summary>
    public BinaryData Body { get; }
}
