namespace FuncLabel.LocalHost.Invocation;

/// <summary>Why an invocation failed. Every kind fails it the same way; the kind is for the log.</summary>
internal enum InvocationFailure
{
    /// <summary>The handler or worker could not be reached, or the connection broke mid-invocation (it crashed or was killed).</summary>
    HandlerUnreachable,

    /// <summary>The worker ran the function and reported a failure (it threw).</summary>
    FunctionFailed,

    /// <summary>The handler answered with a non-2xx status.</summary>
    ErrorStatus,

    /// <summary>A 2xx answer that is not the <c>{ Outputs, Logs, ReturnValue }</c> JSON object.</summary>
    MalformedResponse,

    /// <summary>The invocation ran past host.json <c>functionTimeout</c>.</summary>
    Timeout,

    /// <summary>The handler succeeded but an output (queue message, blob) could not be written.</summary>
    OutputNotWritten,
}

/// <summary>How an invocation ended. A failure carries its kind and a one-line description.</summary>
internal sealed record InvocationOutcome(InvocationFailure? Failure, string? Detail, TimeSpan Duration)
{
    public bool Succeeded => Failure is null;

    public static InvocationOutcome Success(TimeSpan duration) => new(null, null, duration);

    public static InvocationOutcome Failed(InvocationFailure failure, string detail, TimeSpan duration) => new(failure, detail, duration);
}
