using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Invocation;

/// <summary>A timer-trigger invocation.</summary>
/// <param name="IsPastDue">True when the run is late (the host was down when it was due).</param>
/// <param name="Last">The previous run, when the host keeps schedule status (<c>useMonitor</c>).</param>
/// <param name="Next">The next run, when the host keeps schedule status.</param>
internal sealed record TimerInvocation(string InvocationId, bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    public static TimerInvocation From(FunctionContext context, TimerInfo timer) =>
        new(context.InvocationId, timer.IsPastDue, timer.ScheduleStatus?.Last, timer.ScheduleStatus?.Next);
}
