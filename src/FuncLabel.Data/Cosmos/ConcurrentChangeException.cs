namespace FuncLabel.Data.Cosmos;

/// <summary>
/// A conditional update lost <see cref="Rounds"/> races in a row: others kept writing the document between its read
/// and its write. Requests answer 409 <c>concurrent_change</c> (read again and retry); a queue message is redelivered.
/// </summary>
internal sealed class ConcurrentChangeException(string subject, int rounds)
    : Exception($"{subject} changed under each of {rounds} conditional writes; giving up.")
{
    public string Subject { get; } = subject;

    public int Rounds { get; } = rounds;
}
