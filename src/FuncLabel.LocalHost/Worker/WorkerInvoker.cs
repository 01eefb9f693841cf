using System.Diagnostics;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Worker.Rpc;
using InvocationRequest = FuncLabel.LocalHost.Invocation.InvocationRequest;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Runs a queue, timer or blob invocation on the worker: waits for a connected worker, sends the
/// <see cref="WorkerInvocation"/> request, and on success writes the outputs (<see cref="WorkerOutputs"/>). The
/// worker reporting a failure, the worker going away mid-invocation, host.json <c>functionTimeout</c> or an output
/// that cannot be written all fail the invocation; the caller decides what that means (retry, poison, an error answer).
/// </summary>
internal sealed class WorkerInvoker(WorkerHost worker, OutputWriter outputs, TimeSpan? functionTimeout, TimeProvider time, ILoggerFactory loggers) : IFunctionInvoker
{
    private readonly ILogger _logger = loggers.CreateLogger("Host.Executor");

    public async Task<InvocationOutcome> ExecuteAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        var name = request.Function.Name;
        _logger.LogInformation("Executing 'Functions.{Function}' (Reason='{Reason}', Id={Id})", name, request.Reason, request.Id);
        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (functionTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        InvocationOutcome outcome;
        try
        {
            outcome = await InvokeAsync(request, clock, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            outcome = InvocationOutcome.Failed(InvocationFailure.Timeout, $"ran longer than functionTimeout {functionTimeout}", clock.Elapsed);
        }

        InvocationLogLines.Executed(_logger, name, request.Id, outcome);
        return outcome;
    }

    private async Task<InvocationOutcome> InvokeAsync(InvocationRequest request, Stopwatch clock, CancellationToken cancellationToken)
    {
        InvocationResponse response;
        try
        {
            var session = await worker.WaitReadyAsync(cancellationToken);
            var rpc = WorkerInvocation.Create(request, session.FunctionId(request.Function.Name), time.GetUtcNow());
            response = await session.Channel.InvokeAsync(rpc, request.Function.Name, cancellationToken);
        }
        catch (WorkerUnavailableException e)
        {
            return InvocationOutcome.Failed(InvocationFailure.WorkerUnreachable, e.Message, clock.Elapsed);
        }

        if (response.Result?.Status != StatusResult.Types.Status.Success)
        {
            return InvocationOutcome.Failed(InvocationFailure.FunctionFailed, Describe(response.Result), clock.Elapsed);
        }

        string? written;
        try
        {
            written = await outputs.WriteAsync(request, output => WorkerOutputs.For(output, response), cancellationToken);
        }
        catch (WorkerOutputException e)
        {
            written = e.Message;
        }

        return written is { } failure
            ? InvocationOutcome.Failed(InvocationFailure.OutputNotWritten, failure, clock.Elapsed)
            : InvocationOutcome.Success(clock.Elapsed);
    }

    private static string Describe(StatusResult? result) => result switch
    {
        null => "the worker gave no result",
        { Exception: { } e } => $"{(e.Type.Length > 0 ? e.Type + ": " : "")}{e.Message}",
        { Status: StatusResult.Types.Status.Cancelled } => "cancelled by the worker",
        _ => result.Result.Length > 0 ? result.Result : "the worker reported a failure",
    };
}
