namespace FuncLabel.Data.Cosmos;

/// <summary>
/// Read → decide → conditional write, decided again on a fresh read when another writer got there first: the one
/// shape of every read-modify-write in the app. The decide step sees the document as read and answers with an
/// <see cref="UpdateDecision{TResult}"/>: nothing to write (the document as it is, or a refusal the caller maps), or a
/// write that carries the ETag it was read with (a create when there was nothing to read).
/// </summary>
/// <remarks>
/// A write that fails as <see cref="WriteFailure.Stale"/> (412: changed since the read), <see cref="WriteFailure.AlreadyExists"/>
/// (409: created by someone else since the read found nothing) or <see cref="WriteFailure.Missing"/> (404: deleted since
/// the read) lost a race, so the document is read again and the decision made anew, at most <see cref="MaxRounds"/>
/// times; then <see cref="ConcurrentChangeException"/>.
/// </remarks>
internal static class ConditionalUpdate
{
    /// <summary>
    /// Decide-and-write rounds before giving up. Of the writers that read the same version exactly one wins a round,
    /// so a writer among n that arrive together is done within n rounds. The most-written documents are work items:
    /// at one instant each of their passes (at most <see cref="Domain.Work.JobSettings.MaxPasses"/>, 9) may be written
    /// by its holder or its queue message, and the item's consensus once more — 10 writers. Contention past that is not
    /// the bounded kind (a hot document, or a writer that can never win), and answering it — 409 to a request, a
    /// redelivery for a queue message — beats spinning.
    /// </summary>
    public const int MaxRounds = 10;

    /// <summary>Reads with <paramref name="read"/>, then decides and writes until a write holds or the decision writes nothing.</summary>
    /// <param name="subject">What is updated, for the error when contention outlasts <see cref="MaxRounds"/>.</param>
    public static Task<TResult> RunAsync<TState, TResult>(
        string subject,
        Func<CancellationToken, Task<TState>> read,
        Func<TState, UpdateDecision<TResult>> decide,
        CancellationToken cancellationToken) =>
        RunAsync(subject, read, (state, _) => Task.FromResult(decide(state)), cancellationToken);

    /// <inheritdoc cref="RunAsync{TState, TResult}(string, Func{CancellationToken, Task{TState}}, Func{TState, UpdateDecision{TResult}}, CancellationToken)"/>
    public static async Task<TResult> RunAsync<TState, TResult>(
        string subject,
        Func<CancellationToken, Task<TState>> read,
        Func<TState, CancellationToken, Task<UpdateDecision<TResult>>> decide,
        CancellationToken cancellationToken) =>
        await RunAsync(subject, await read(cancellationToken).ConfigureAwait(false), read, decide, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Decides on <paramref name="current"/>, already read by the caller, and writes; later rounds read with
    /// <paramref name="read"/>.
    /// </summary>
    /// <param name="subject">What is updated, for the error when contention outlasts <see cref="MaxRounds"/>.</param>
    public static Task<TResult> RunAsync<TState, TResult>(
        string subject,
        TState current,
        Func<CancellationToken, Task<TState>> read,
        Func<TState, UpdateDecision<TResult>> decide,
        CancellationToken cancellationToken) =>
        RunAsync(subject, current, read, (state, _) => Task.FromResult(decide(state)), cancellationToken);

    /// <inheritdoc cref="RunAsync{TState, TResult}(string, TState, Func{CancellationToken, Task{TState}}, Func{TState, UpdateDecision{TResult}}, CancellationToken)"/>
    public static async Task<TResult> RunAsync<TState, TResult>(
        string subject,
        TState current,
        Func<CancellationToken, Task<TState>> read,
        Func<TState, CancellationToken, Task<UpdateDecision<TResult>>> decide,
        CancellationToken cancellationToken)
    {
        for (int round = 1; ; round++)
        {
            var decision = await decide(current, cancellationToken).ConfigureAwait(false);
            var (lost, result) = await decision.ApplyAsync(cancellationToken).ConfigureAwait(false);
            if (!lost)
            {
                return result!;
            }

            if (round == MaxRounds)
            {
                throw new ConcurrentChangeException(subject, MaxRounds);
            }

            current = await read(cancellationToken).ConfigureAwait(false);
        }
    }
}
