namespace FuncLabel.Functions.Invocation;

/// <summary>A decoded timer-trigger invocation (docs/local-host.md, Invocation payload).</summary>
/// <param name="IsPastDue">True when the run is late (the host was down when it was due).</param>
/// <param name="Last">The previous run, when the host keeps schedule status (<c>useMonitor</c>).</param>
/// <param name="Next">The next run, when the host keeps schedule status.</param>
public sealed record TimerInvocation(string InvocationId, bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next);
