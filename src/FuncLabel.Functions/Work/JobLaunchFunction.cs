using FuncLabel.Data;
using FuncLabel.Data.Work;
using Microsoft.Azure.Functions.Worker;
using FuncLabel.Functions.Invocation;
using FuncLabel.Functions.Work;

namespace FuncLabel.Functions.Work;

/// <summary>Queue <c>job-launch</c>: one page of a launch (<see cref="LaunchPager"/>) or an export (<see cref="ExportBuilder"/>).</summary>
internal sealed class JobLaunchFunction(LaunchPager pager, ExportBuilder exports, ILogger<JobLaunchFunction> logger) : IQueueFunction
{
    public const string Name = "jobLaunch";

    [Function(Name)]
    public async Task Run([QueueTrigger(StorageNames.Queues.JobLaunch)] string message, FunctionContext context, CancellationToken cancellationToken) =>
        (await HandleAsync(QueueInvocation.From(context, message), cancellationToken)).LogTo(logger);

    public async Task<InvocationOutcome> HandleAsync(QueueInvocation invocation, CancellationToken cancellationToken)
    {
        var message = WorkMessage.Parse(invocation.Body);
        return message?.Kind switch
        {
            WorkMessageKind.LaunchPage => InvocationOutcome.Done(await pager.HandleAsync(message, cancellationToken)),
            WorkMessageKind.Export when message.ExportId is not null => InvocationOutcome.Done(await exports.BuildAsync(message, cancellationToken)),
            _ => InvocationOutcome.Done("not a job-launch message; ignored"),
        };
    }
}
