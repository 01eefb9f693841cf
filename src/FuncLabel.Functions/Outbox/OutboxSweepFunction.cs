using FuncLabel.Data.Outbox;
using Microsoft.Azure.Functions.Worker;
using FuncLabel.Functions.Ingestion;
using FuncLabel.Functions.Invocation;

namespace FuncLabel.Functions.Outbox;

/// <summary>
/// Timer: completes side effects that requests left on their documents (see <see cref="OutboxSweep"/>), then fails
/// imports whose run died without ending them (see <see cref="StalledImports"/>).
/// </summary>
internal sealed class OutboxSweepFunction(OutboxSweep sweep, StalledImports stalledImports, ILogger<OutboxSweepFunction> logger) : ITimerFunction
{
    public const string Name = "outboxSweep";

    /// <summary>Every two minutes: entries younger than <see cref="OutboxSweep.MinimumAge"/> belong to the request still performing them.</summary>
    [Function(Name)]
    public async Task Run([TimerTrigger("0 */2 * * * *")] TimerInfo timer, FunctionContext context, CancellationToken cancellationToken) =>
        (await RunAsync(TimerInvocation.From(context, timer), cancellationToken)).LogTo(logger);

    public async Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken)
    {
        var completed = await sweep.RunAsync(cancellationToken);
        var stalled = await stalledImports.FailStalledAsync(cancellationToken);
        return InvocationOutcome.Done($"outbox sweep completed {completed} document(s)", $"stalled imports failed: {stalled}");
    }
}
