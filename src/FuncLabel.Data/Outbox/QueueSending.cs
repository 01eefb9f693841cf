using Azure;
using Azure.Storage.Queues;

namespace FuncLabel.Data.Outbox;

/// <summary>
/// Sending to a queue that may not exist yet (a fresh storage account, a test's own queue names). The body is encoded
/// as the client says: the app's clients carry <see cref="Storage.QueueMessageFormat"/>.
/// </summary>
internal static class QueueSending
{
    /// <summary>Sends <paramref name="body"/> to <paramref name="queueName"/>, creating the queue on first use.</summary>
    public static async Task SendCreatingQueueAsync(this QueueServiceClient queues, string queueName, string body, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(queueName);
        try
        {
            await queue.SendMessageAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "QueueNotFound")
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
