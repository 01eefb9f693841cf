using FuncLabel.Data.Work;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Training;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Who may download an asset's bytes (<c>GET …/assets/{assetId}/content</c>; docs/product.md, Who may see what:
/// "owners and people who hold a task on that asset"): owners; a member holding a live claim — draw, rework or review,
/// not expired — on the asset's work item in any job of the project; a member who may take a training template on the asset (<see cref="Training.TrainingAssetAccess"/>).
/// Everyone else gets the route's 404, so the answer never reveals whether the asset exists.
/// </summary>
/// <remarks>
/// The task check costs one single-partition query for the project's job ids, then one point read of the asset's work
/// item per job (id = asset id, pk <see cref="WorkPartition.For"/>), stopping at the first live claim of the caller.
/// Each job is its own <c>work</c> partition, so no single query can span them; projects have few jobs. An expired
/// claim no longer counts (the task is then free for others), nor does a rework waiting to be claimed again.
/// </remarks>
internal sealed class AssetContentAccess(JobStore jobs, WorkStore work, Training.TrainingAssetAccess training, TimeProvider time)
{
    public async Task<bool> AllowsAsync(HttpContext http, string projectId, string assetId, CancellationToken cancellationToken) =>
        http.ProjectAccess().Has(ProjectRole.Owner)
        || await HoldsTaskAsync(projectId, assetId, http.Caller().UserId, cancellationToken)
        || await training.AllowsAsync(projectId, assetId, cancellationToken);

    private async Task<bool> HoldsTaskAsync(string projectId, string assetId, string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await foreach (var jobId in jobs.IdsAsync(projectId, cancellationToken))
        {
            if (await work.GetAsync(projectId, jobId, assetId, cancellationToken) is { } item
                && item.Item.Passes.Any(p => p.OfferedKind is not null && p.IsClaimedBy(userId) && p.Claim!.IsHeldAt(now)))
            {
                return true;
            }
        }

        return false;
    }
}
