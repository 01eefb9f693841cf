namespace FuncLabel.LocalHost.Invocation;

/// <summary>Why an invocation failed. Every kind fails it the same way; the kind is for the log.</summary>
internal enum InvocationFailure
{
    /// <summary>The worker could not be reached, or its stream broke mid-invocation (it crashed or was killed).</summary>
    WorkerUnreachable,

    /// <summary>The worker ran the function and reported a failure (it threw).</summary>
    FunctionFailed,

    /// <summary>The invocation ran past host.json <c>functionTimeout</c>.</summary>
    Timeout,

    /// <summary>The function succeeded but an output (queue message, blob) could not be written.</summary>
    OutputNotWritten,

    /// <summary>A queued message the host itself reads (the blob trigger's) is not what it should be; nothing was invoked.</summary>
    InvalidMessage,

    /// <summary>Storage failed while the host prepared the invocation (e.g. reading the triggering blob's properties); nothing was invoked.</summary>
    StorageFailed,
}

/// <summary>How an invocation ended. A failure carries its kind and a one-line description.</summary>
internal sealed record InvocationOutcome(InvocationFailure? Failure, string? Detail, TimeSpan Duration)
{
    public bool Succeeded => Failure is null;

    public static InvocationOutcome Success(TimeSpan duration) => new(null, null, duration);

    public static InvocationOutcome Failed(InvocationFailure failure, string detail, TimeSpan duration) => new(failure, detail, duration);
}
