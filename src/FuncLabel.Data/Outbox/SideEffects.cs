namespace FuncLabel.Data.Outbox;

/// <summary>When a state write's outbox entries are performed (the write itself is the same in every case).</summary>
internal enum SideEffects
{
    /// <summary>Right after the write: every entry, then the outbox cleared with one If-Match patch.</summary>
    Perform,

    /// <summary>
    /// Right after the write: only the queue messages, and the outbox is left as written. The consumer of the message
    /// performs the rest and removes the delivered message's entry in its own write of the document (one write it makes
    /// anyway), so the request pays for the send and nothing else; the sweep covers a consumer that never writes.
    /// </summary>
    SendMessages,

    /// <summary>
    /// Nothing now: the entries (none are added by a lease, but earlier ones may be waiting) stay for the next write
    /// that performs them or for the sweep.
    /// </summary>
    Leave,
}
