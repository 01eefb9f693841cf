using System.Text.Json;
using System.Text.Json.Serialization;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;

namespace FuncLabel.Data.Outbox;

/// <summary>
/// A side effect a state change owes, recorded on the changed document in the same write and
/// performed after it (docs/architecture.md, State, events and idempotency). Each kind is idempotent by a
/// deterministic id, so performing an entry again — by the request that wrote it, a later writer of
/// the same document, or <see cref="OutboxRelay"/>'s timer — is harmless: at least once, deduplicated.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(LedgerOutboxEntry), "ledger")]
[JsonDerivedType(typeof(IndexOutboxEntry), "index")]
[JsonDerivedType(typeof(CredentialGrantOutboxEntry), "credential-grant")]
[JsonDerivedType(typeof(QueueOutboxEntry), "queue")]
internal abstract record OutboxEntry
{
    /// <summary>Deterministic: derived from the source document and its version.</summary>
    public required string Id { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>Create a ledger event (409 = already recorded).</summary>
internal sealed record LedgerOutboxEntry : OutboxEntry
{
    public required LedgerEvent Event { get; init; }
}

/// <summary>
/// Keep a derived index document (e.g. the user's <c>membership:{projectId}</c>) in step with its source.
/// Applied only when <see cref="SourceVersion"/> is newer than the stored one, so an old entry performed
/// late never overwrites a newer state. Removal is a tombstone (<c>deleted: true</c>) for the same reason.
/// </summary>
internal sealed record IndexOutboxEntry : OutboxEntry
{
    public required string Container { get; init; }

    public required string PartitionKey { get; init; }

    public required string DocumentId { get; init; }

    public required long SourceVersion { get; init; }

    /// <summary>The full index document to store (it carries <c>sourceVersion</c> and <c>deleted</c>).</summary>
    public required JsonElement Document { get; init; }
}

/// <summary>
/// Apply a credential grant to the user's <c>credential:{typeId}</c> document (an exam award owed by a finished
/// attempt). Idempotent through the grant's deterministic id and <see cref="Domain.Credentials.CredentialValidity.Supersedes"/>:
/// a grant already applied, or overtaken by a later grant or revocation, changes nothing.
/// </summary>
internal sealed record CredentialGrantOutboxEntry : OutboxEntry
{
    public required CredentialGrant Grant { get; init; }
}

/// <summary>
/// Send a queue message (a work item's <c>task-events</c> message, a job's <c>job-launch</c> page). The body's own id
/// is deterministic and every consumer records the ids it applied, so a message sent again by a later writer or the
/// sweep changes nothing.
/// </summary>
internal sealed record QueueOutboxEntry : OutboxEntry
{
    public required string Queue { get; init; }

    /// <summary>The message text as sent (JSON).</summary>
    public required string Body { get; init; }
}
