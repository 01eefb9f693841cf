using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Work;

/// <summary>
/// A state document that also owes queue messages: they are recorded in <see cref="Messages"/> in the same
/// conditional write as the change and sent by <see cref="WorkWriter"/> right after it (or by <see cref="WorkSweep"/>
/// when the request died in between). Message ids are deterministic, so consumers deduplicate redeliveries and resends.
/// </summary>
public abstract record MessagingDocument : VersionedDocument
{
    public IReadOnlyList<PendingMessage> Messages { get; init; } = [];
}

/// <summary>A queue message owed by a change: the queue and the JSON body (whose <c>id</c> is deterministic).</summary>
public sealed record PendingMessage(string Id, string Queue, string Body, DateTimeOffset CreatedAt);
