using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Creates the work of one asset in one job: a work item with id = asset id, pinned to the asset's current SHA-256,
/// with no passes when every instance was auto-accepted and the job skips such assets. Idempotent: an existing item
/// is kept; one pinned to other bytes is marked changed (open slots answer <c>asset_changed</c>; owners relaunch).
/// </summary>
internal sealed class WorkCreation(WorkStore work, TaskLabelStore labels, TimeProvider time)
{
    public async Task EnsureAsync(JobDocument job, AssetDocument asset, CancellationToken cancellationToken)
    {
        if (asset.Current is not { } current || asset.DeletedAt is not null)
        {
            return;
        }

        var change = new ChangeContext("system", time.GetUtcNow(), job.ProjectId);
        var existing = await work.GetAsync(job.ProjectId, job.JobId, asset.Id, cancellationToken);
        if (existing is null)
        {
            var prelabels = await labels.PrelabelsAsync(asset.Id, cancellationToken);
            var item = WorkItem.Create(asset.Id, current.Sha256, job.Settings, TaskLabelStore.EveryInstanceAutoAccepted(prelabels));
            var document = new WorkItemDocument { Id = asset.Id, Pk = WorkPartition.For(job.ProjectId, job.JobId), ProjectId = job.ProjectId, JobId = job.JobId, Item = item };
            var created = await work.CreateAsync(document, change, cancellationToken);
            if (created.Succeeded || created.Failure == WriteFailure.AlreadyExists)
            {
                return;
            }
        }

        await MarkChangedAsync(job, asset.Id, current.Sha256, change, cancellationToken);
    }

    private async Task MarkChangedAsync(JobDocument job, string assetId, string sha256, ChangeContext change, CancellationToken cancellationToken)
    {
        while (await work.GetAsync(job.ProjectId, job.JobId, assetId, cancellationToken) is { } item
               && item.Item.AssetVersion != sha256 && !item.Item.AssetChanged)
        {
            var written = await work.ReplaceAsync(item, item.Item.MarkAssetChanged(), change, "work.asset_changed",
                new Dictionary<string, string> { ["assetVersion"] = sha256 }, null, cancellationToken);
            if (written.Succeeded)
            {
                return;
            }
        }
    }
}
