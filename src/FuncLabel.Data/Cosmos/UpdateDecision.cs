namespace FuncLabel.Data.Cosmos;

/// <summary>What a decide step of <see cref="ConditionalUpdate"/> says about the document as read.</summary>
internal sealed class UpdateDecision<TResult>
{
    private readonly Func<CancellationToken, Task<(bool Lost, TResult? Result)>> _apply;

    private UpdateDecision(Func<CancellationToken, Task<(bool Lost, TResult? Result)>> apply) => _apply = apply;

    /// <summary>Nothing to write: the update ends with <paramref name="result"/> (the document as it is, or a refusal).</summary>
    public static UpdateDecision<TResult> Done(TResult result) => new(_ => Task.FromResult<(bool, TResult?)>((false, result)));

    /// <summary>
    /// Write with <paramref name="write"/> (conditional on what was read); when it holds, the update ends with
    /// <paramref name="written"/> of the stored document; when it lost a race, the next round reads again.
    /// </summary>
    public static UpdateDecision<TResult> Write<TDocument>(Func<CancellationToken, Task<WriteResult<TDocument>>> write, Func<TDocument, TResult> written)
        where TDocument : class =>
        new(async cancellationToken =>
        {
            var outcome = await write(cancellationToken).ConfigureAwait(false);
            return outcome.Succeeded ? (false, written(outcome.Value)) : (true, default);
        });

    internal Task<(bool Lost, TResult? Result)> ApplyAsync(CancellationToken cancellationToken) => _apply(cancellationToken);
}

/// <summary>Shorthands for <see cref="UpdateDecision{TResult}"/> that infer the result type.</summary>
internal static class UpdateDecision
{
    /// <inheritdoc cref="UpdateDecision{TResult}.Done"/>
    public static UpdateDecision<TResult> Done<TResult>(TResult result) => UpdateDecision<TResult>.Done(result);

    /// <summary>Write with <paramref name="write"/>; when it holds, the update ends with the stored document.</summary>
    public static UpdateDecision<TDocument> Write<TDocument>(Func<CancellationToken, Task<WriteResult<TDocument>>> write)
        where TDocument : class => UpdateDecision<TDocument>.Write(write, document => document);

    /// <inheritdoc cref="UpdateDecision{TResult}.Write"/>
    public static UpdateDecision<TResult> Write<TDocument, TResult>(Func<CancellationToken, Task<WriteResult<TDocument>>> write, Func<TDocument, TResult> written)
        where TDocument : class => UpdateDecision<TResult>.Write(write, written);
}
