using System.Text.Json;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Domain.Serialization;

namespace FuncLabel.Data.Outbox;

/// <summary>Who makes a change, when, and which ledger scope (project id or <c>org</c>) it belongs to.</summary>
internal sealed record ChangeContext(string Actor, DateTimeOffset At, string Scope);

/// <summary>Builds the outbox entries a change owes. Ids derive from the resource and its new version.</summary>
internal static class StateChange
{
    /// <summary>
    /// The next version of <paramref name="document"/>: version + 1, its ledger event and any
    /// <paramref name="extra"/> entries appended to the outbox (entries not yet cleared are kept).
    /// </summary>
    public static T Next<T>(
        T document,
        ChangeContext context,
        string resource,
        string action,
        IReadOnlyDictionary<string, string>? details = null,
        IEnumerable<OutboxEntry>? extra = null)
        where T : VersionedDocument
    {
        var version = document.Version + 1;
        var ledger = new LedgerOutboxEntry
        {
            Id = "ledger:" + LedgerEvent.IdFor(resource, version),
            CreatedAt = context.At,
            Event = LedgerEvent.Create(context.Scope, resource, version, action, context.Actor, context.At, details),
        };
        return document with
        {
            Version = version,
            Outbox = [.. document.Outbox, ledger, .. extra ?? []],
        };
    }

    /// <summary>An entry that stores <paramref name="index"/> in <paramref name="container"/> if its source version is newer.</summary>
    public static IndexOutboxEntry Index<TIndex>(ContainerDefinition container, TIndex index, DateTimeOffset at)
        where TIndex : IndexDocument => new()
    {
        Id = $"index:{container.Name}:{index.Pk}:{index.Id}:v{index.SourceVersion}",
        CreatedAt = at,
        Container = container.Name,
        PartitionKey = index.Pk,
        DocumentId = index.Id,
        SourceVersion = index.SourceVersion,
        Document = JsonSerializer.SerializeToElement(index with { ETag = null }, FuncLabelJson.Options),
    };
}
