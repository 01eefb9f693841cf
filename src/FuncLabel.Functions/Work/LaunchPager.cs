using Azure.Storage.Queues;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Creates a launched job's work one page of assets per <c>job-launch</c> message, so no invocation does unbounded
/// work: it sends the next page's message first (a crash then retries this page, which is idempotent), then creates
/// this page's work items. Messages of an earlier launch, or for a job no longer active, are ignored.
/// </summary>
/// <remarks>A page message delivered twice sends its successor twice; the duplicate chain repeats idempotent creates.</remarks>
internal sealed class LaunchPager(JobStore jobs, AssetStore assets, WorkCreation creation, QueueServiceClient queueService, WorkQueues queues)
{
    public const int PageSize = 100;

    public async Task<string> HandleAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        var job = await jobs.GetAsync(message.ProjectId, message.JobId, cancellationToken);
        if (job is null || job.State != JobState.Active || job.Launches != message.Launch)
        {
            return "launch superseded or job not active";
        }

        var page = await assets.ListAsync(message.ProjectId, PageSize, message.ContinuationToken, cancellationToken);
        if (page.ContinuationToken is { } next)
        {
            var successor = message with { Id = $"launch:{job.JobId}:{job.Launches}:{message.Page + 1}", ContinuationToken = next, Page = message.Page + 1 };
            await queueService.SendCreatingQueueAsync(queues.JobLaunch, successor.ToJson(), cancellationToken);
        }

        foreach (var asset in page.Items)
        {
            await creation.EnsureAsync(job, asset, cancellationToken);
        }

        return $"page {message.Page}: {page.Items.Count} assets";
    }
}
