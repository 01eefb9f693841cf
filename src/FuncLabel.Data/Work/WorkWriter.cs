using Azure;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Storage;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Work;

/// <summary>
/// Writes jobs and work items: one conditional write carrying the change's ledger entry (outbox) and queue messages
/// (<see cref="MessagingDocument.Messages"/>), then the side effects concurrently, then one patch that clears both lists
/// if the document is unchanged. A crash in between leaves them for <see cref="WorkSweep"/>: at least once, deduplicated.
/// </summary>
/// <remarks>
/// Round trips per change: the write, the ledger create (concurrent with the queue sends) and the clearing patch.
/// <see cref="RequestCounter"/> counts them in tests and benchmarks.
/// </remarks>
public sealed class WorkWriter(CosmosDatabase database, OutboxRelay relay, QueueServiceClient queues, OutboxFaults faults)
{
    public async Task<WriteResult<T>> CreateAsync<T>(ContainerDefinition container, T document, CancellationToken cancellationToken)
        where T : MessagingDocument
    {
        var result = await database.Container(container).CreateAsync(document, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WriteResult<T>.Ok(await AfterWriteAsync(container, result.Value, cancellationToken).ConfigureAwait(false)) : result;
    }

    /// <summary>Replaces <paramref name="document"/> if it still has the ETag it was read with.</summary>
    public async Task<WriteResult<T>> ReplaceAsync<T>(ContainerDefinition container, T document, CancellationToken cancellationToken)
        where T : MessagingDocument
    {
        var etag = document.ETag ?? throw new ArgumentException("Replace needs the document as read, with its ETag.", nameof(document));
        var result = await database.Container(container).ReplaceAsync(document, etag, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? WriteResult<T>.Ok(await AfterWriteAsync(container, result.Value, cancellationToken).ConfigureAwait(false)) : result;
    }

    /// <summary>Performs the document's owed side effects and clears them unless it changed meanwhile.</summary>
    public async Task<T> AfterWriteAsync<T>(ContainerDefinition container, T written, CancellationToken cancellationToken)
        where T : MessagingDocument
    {
        faults.AfterStateWrite();
        if (written.Outbox.Count == 0 && written.Messages.Count == 0)
        {
            return written;
        }

        var work = new List<Task>();
        work.AddRange(written.Messages.Select(m => SendAsync(m, cancellationToken)));
        var ledger = written.Outbox.OfType<LedgerOutboxEntry>().ToList();
        work.AddRange(ledger.Select(e => database.Container(ContainerDefinitions.Ledger).CreateAsync(e.Event, cancellationToken)));
        await Task.WhenAll(work).ConfigureAwait(false);

        var others = written.Outbox.Where(e => e is not LedgerOutboxEntry).ToList();
        if (others.Count > 0)
        {
            // Other entry kinds are the shared relay's business (it clears /outbox itself).
            var etag = await relay.PerformAsync(container, written.Pk, written.Id, written.ETag!, written.Outbox, cancellationToken).ConfigureAwait(false);
            written = written with { ETag = etag, Outbox = etag == written.ETag ? written.Outbox : [] };
        }

        var cleared = await database.Container(container).PatchAsync<T>(
                written.Pk,
                written.Id,
                [PatchOperation.Set("/outbox", Array.Empty<object>()), PatchOperation.Set("/messages", Array.Empty<object>())],
                null,
                written.ETag,
                cancellationToken)
            .ConfigureAwait(false);

        // If someone wrote the document meanwhile, their version carries these entries and their pass clears them.
        return cleared.Document is { } done ? written with { Outbox = [], Messages = [], ETag = done.ETag } : written;
    }

    /// <summary>Sends one message, creating its queue on first use.</summary>
    public async Task SendAsync(PendingMessage message, CancellationToken cancellationToken)
    {
        var queue = queues.GetQueueClient(message.Queue);
        try
        {
            await queue.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.ErrorCode == "QueueNotFound")
        {
            await queue.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
            await queue.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
