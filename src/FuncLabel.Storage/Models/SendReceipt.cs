namespace FuncLabel.Storage.Models;

/// <summary>What Put Message returns about the message it stored.</summary>
public sealed class SendReceipt
{
    internal SendReceipt(string messageId, string popReceipt, DateTimeOffset insertedOn, DateTimeOffset expiresOn, DateTimeOffset nextVisibleOn)
    {
        MessageId = messageId;
        PopReceipt = popReceipt;
        InsertedOn = insertedOn;
        ExpiresOn = expiresOn;
        NextVisibleOn = nextVisibleOn;
    }

    public string MessageId { get; }

    public string PopReceipt { get; }

    public DateTimeOffset InsertedOn { get; }

    public DateTimeOffset ExpiresOn { get; }

    public DateTimeOffset NextVisibleOn { get; }
}
