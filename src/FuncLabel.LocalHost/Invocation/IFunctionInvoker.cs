namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// Runs one queue, timer or blob invocation to its outcome (outputs written, outcome logged); the worker's
/// <see cref="Worker.WorkerInvoker"/> implements it. The listeners decide what an outcome means (delete, retry,
/// poison).
/// </summary>
internal interface IFunctionInvoker
{
    Task<InvocationOutcome> ExecuteAsync(InvocationRequest request, CancellationToken cancellationToken);
}
