namespace FuncLabel.Data.Outbox;

/// <summary>
/// A state document: every change increments <see cref="Version"/> and may append <see cref="Outbox"/>
/// entries in the same conditional write.
/// </summary>
internal abstract record VersionedDocument : Cosmos.CosmosDocument
{
    public long Version { get; init; }

    public IReadOnlyList<OutboxEntry> Outbox { get; init; } = [];
}

/// <summary>A derived document maintained from a source through <see cref="IndexOutboxEntry"/>.</summary>
internal abstract record IndexDocument : Cosmos.CosmosDocument
{
    public long SourceVersion { get; init; }

    public bool Deleted { get; init; }
}
