using FuncLabel.Data.Assets;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Ingestion;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Ingestion's seam (<see cref="IAssetRegistrationListener"/>): an asset registered after a job's launch gets its work
/// item in every active job of its project; new bytes make existing items stale. Deleted assets keep their items
/// (their history stays; claims answer <c>asset_changed</c> once the asset is gone).
/// </summary>
internal sealed class WorkForAssets(JobStore jobs, WorkCreation creation) : IAssetRegistrationListener
{
    public async Task OnAssetRegisteredAsync(AssetDocument asset, CancellationToken cancellationToken)
    {
        await foreach (var job in jobs.ActiveAsync(asset.ProjectId, cancellationToken))
        {
            await creation.EnsureAsync(job, asset, cancellationToken);
        }
    }

    public Task OnAssetDeletedAsync(AssetDocument asset, CancellationToken cancellationToken) => Task.CompletedTask;
}
