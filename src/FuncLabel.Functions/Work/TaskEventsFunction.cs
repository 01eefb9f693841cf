using FuncLabel.Data;
using FuncLabel.Data.Work;
using Microsoft.Azure.Functions.Worker;
using FuncLabel.Functions.Invocation;
using FuncLabel.Functions.Work;

namespace FuncLabel.Functions.Work;

/// <summary>Queue <c>task-events</c>: review selection, rework and consensus (see <see cref="TaskFanOut"/>).</summary>
internal sealed class TaskEventsFunction(TaskFanOut fanOut, ILogger<TaskEventsFunction> logger) : IQueueFunction
{
    public const string Name = "taskEvents";

    [Function(Name)]
    public async Task Run([QueueTrigger(StorageNames.Queues.TaskEvents)] string message, FunctionContext context, CancellationToken cancellationToken) =>
        (await HandleAsync(QueueInvocation.From(context, message), cancellationToken)).LogTo(logger);

    public async Task<InvocationOutcome> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var message = WorkMessage.Parse(invocation.Body);
        if (message is not { Kind: WorkMessageKind.Submitted or WorkMessageKind.PassFinal, AssetId: not null })
        {
            return InvocationOutcome.Done("not a task event; ignored");
        }

        return InvocationOutcome.Done(await fanOut.HandleAsync(message, cancellationToken));
    }
}
