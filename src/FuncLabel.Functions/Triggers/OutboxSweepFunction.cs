using FuncLabel.Data.Outbox;
using FuncLabel.Functions.Invocation;

namespace FuncLabel.Functions.Triggers;

/// <summary>Timer: completes side effects that requests left on their documents (see <see cref="OutboxSweep"/>).</summary>
public sealed class OutboxSweepFunction(OutboxSweep sweep) : ITimerFunction
{
    public async Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var completed = await sweep.RunAsync(cancellationToken);
        return InvocationOutcome.Done($"outbox sweep completed {completed} document(s)");
    }
}
