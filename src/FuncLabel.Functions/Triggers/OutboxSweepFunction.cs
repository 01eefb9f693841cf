using FuncLabel.Data.Outbox;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Invocation;

namespace FuncLabel.Functions.Triggers;

/// <summary>
/// Timer: completes side effects that requests left on their documents (see <see cref="OutboxSweep"/>), then fails
/// imports whose run died without ending them (see <see cref="StalledImports"/>).
/// </summary>
public sealed class OutboxSweepFunction(OutboxSweep sweep, StalledImports stalledImports) : ITimerFunction
{
    public async Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var completed = await sweep.RunAsync(cancellationToken);
        var stalled = await stalledImports.FailStalledAsync(cancellationToken);
        return InvocationOutcome.Done($"outbox sweep completed {completed} document(s)", $"stalled imports failed: {stalled}");
    }
}
