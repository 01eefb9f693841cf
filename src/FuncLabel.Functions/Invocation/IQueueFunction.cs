namespace FuncLabel.Functions.Invocation;

/// <summary>
/// A queue-triggered function. Messages can arrive more than once: implementations are idempotent.
/// Throwing fails the invocation, so the host releases the message and retries it (then poisons it).
/// </summary>
internal interface IQueueFunction
{
    Task<InvocationOutcome> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken);
}

/// <summary>A timer-triggered function. Runs are not retried by the host: work must be resumable by the next run.</summary>
internal interface ITimerFunction
{
    Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken);
}
