using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Storage.Queues;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;
using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Outbox;

/// <summary>
/// Performs outbox entries and clears them from their document. Called right after each state write,
/// and by the sweep for entries a crashed request left behind. Every entry is idempotent, so the
/// relay may perform one any number of times.
/// </summary>
internal sealed class OutboxRelay(CosmosDatabase database, QueueServiceClient queues)
{
    /// <summary>
    /// Performs every entry of the written document, then removes them if the document has not changed
    /// since. Returns the document's new ETag after the removal, or <paramref name="etag"/> when nothing was removed.
    /// </summary>
    public async Task<string> PerformAsync(ContainerDefinition container, string partitionKey, string id, string etag, IReadOnlyList<OutboxEntry> outbox, CancellationToken cancellationToken)
    {
        if (outbox.Count == 0)
        {
            return etag;
        }

        // Entries are independent (each idempotent on its own target), so they run concurrently: one round trip's wait.
        await Task.WhenAll(outbox.Select(entry => PerformAsync(entry, cancellationToken))).ConfigureAwait(false);

        // If-Match: when someone wrote the document meanwhile, their version carries these entries
        // (writers keep uncleared entries) and their own relay pass clears them.
        var cleared = await database.Container(container)
            .PatchAsync<OutboxCarrier>(partitionKey, id, [PatchOperation.Set("/outbox", Array.Empty<object>())], null, etag, cancellationToken)
            .ConfigureAwait(false);
        return cleared.Document?.ETag ?? etag;
    }

    /// <summary>Sends the queue messages among <paramref name="outbox"/> (concurrently) and nothing else; clears nothing.</summary>
    public Task SendAsync(IReadOnlyList<OutboxEntry> outbox, CancellationToken cancellationToken) =>
        Task.WhenAll(outbox.OfType<QueueOutboxEntry>().Select(entry => PerformAsync(entry, cancellationToken)));

    private async Task PerformAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        switch (entry)
        {
            case LedgerOutboxEntry ledger:
                // 409 (AlreadyExists) means an earlier pass recorded it: done.
                await database.Container(ContainerDefinitions.Ledger).CreateAsync(ledger.Event, cancellationToken).ConfigureAwait(false);
                break;
            case IndexOutboxEntry index:
                await ApplyIndexAsync(index, cancellationToken).ConfigureAwait(false);
                break;
            case QueueOutboxEntry message:
                await queues.SendCreatingQueueAsync(message.Queue, message.Body, cancellationToken).ConfigureAwait(false);
                break;
            case CredentialGrantOutboxEntry grant:
                // The credential is a state document of its own (ledger event, holders index): written through a
                // StateWriter on this relay, so its outbox is performed like any other.
                await new CredentialStore(database, new StateWriter(database, this, new OutboxFaults()))
                    .GrantAsync(grant.Grant, grant.Grant.Source.GrantedBy, cancellationToken).ConfigureAwait(false);
                break;
            default:
                throw new NotSupportedException($"Unknown outbox entry {entry.GetType().Name}.");
        }
    }

    /// <summary>Stores the index document unless the stored one comes from the same or a newer source version.</summary>
    private async Task ApplyIndexAsync(IndexOutboxEntry entry, CancellationToken cancellationToken)
    {
        var container = database.Database.GetContainer(entry.Container);
        var key = new PartitionKey(entry.PartitionKey);
        await ConditionalUpdate.RunAsync(
                $"index document {entry.DocumentId} in {entry.Container}/{entry.PartitionKey}",
                ct => ReadIndexAsync(container, key, entry.DocumentId, ct),
                stored => stored is not null && stored.SourceVersion >= entry.SourceVersion
                    ? UpdateDecision.Done(true) // a newer (or the same) source version is already there
                    : UpdateDecision.Write(ct => WriteIndexAsync(container, key, entry, stored?.ETag, ct), _ => true),
                cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>The stored index document's source version and ETag, or null when there is none.</summary>
    private static async Task<IndexVersion?> ReadIndexAsync(Container container, PartitionKey key, string id, CancellationToken cancellationToken)
    {
        using var current = await container.ReadItemStreamAsync(id, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (current.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        current.EnsureSuccessStatusCode();
        var stored = await JsonSerializer.DeserializeAsync<IndexVersion>(current.Content, cancellationToken: cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Index document {id} is empty.");
        return stored with { ETag = current.Headers.ETag };
    }

    /// <summary>Creates the index document (no <paramref name="etag"/>) or replaces it if it still has <paramref name="etag"/>.</summary>
    private static async Task<WriteResult<IndexOutboxEntry>> WriteIndexAsync(Container container, PartitionKey key, IndexOutboxEntry entry, string? etag, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(entry.Document));
        using var written = etag is null
            ? await container.CreateItemStreamAsync(body, key, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await container.ReplaceItemStreamAsync(body, entry.DocumentId, key, new ItemRequestOptions { IfMatchEtag = etag }, cancellationToken).ConfigureAwait(false);
        if (written.IsSuccessStatusCode)
        {
            return WriteResult<IndexOutboxEntry>.Ok(entry);
        }

        WriteFailure? lost = written.StatusCode switch
        {
            HttpStatusCode.Conflict => WriteFailure.AlreadyExists,
            HttpStatusCode.PreconditionFailed => WriteFailure.Stale,
            HttpStatusCode.NotFound => WriteFailure.Missing,
            _ => null,
        };
        if (lost is null)
        {
            written.EnsureSuccessStatusCode();
        }

        return WriteResult<IndexOutboxEntry>.Failed(lost!.Value);
    }

    private sealed record IndexVersion([property: JsonPropertyName("sourceVersion")] long SourceVersion)
    {
        [JsonIgnore]
        public string? ETag { get; init; }
    }
}

/// <summary>Any document with an outbox, as the relay sees it.</summary>
internal sealed record OutboxCarrier : VersionedDocument
{
    public override string DocType => "outbox-carrier";
}
