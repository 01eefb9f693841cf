using FuncLabel.Data.Assets;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// The seam for work created from assets (issue 10, jobs and work items): every registered listener is told about the
/// asset's current version after ingestion has stored it and applied its pending pre-labels, and about deletes.
/// </summary>
/// <remarks>
/// Called at least once per event, deduplicated by nobody: a redelivered event, or an event for bytes already
/// registered, calls the listener again with the same <see cref="AssetDocument.Current"/>. Implementations are
/// idempotent (e.g. a work item per (job, asset) created with a deterministic id, pinned to
/// <c>asset.Current.Sha256</c>; a different SHA-256 than the pinned one means new bytes → open slots become stale).
/// A listener that throws fails the invocation, so the queue retries the whole (idempotent) ingestion.
/// </remarks>
internal interface IAssetRegistrationListener
{
    /// <summary>The asset has a live current version (new, new bytes, or unchanged on redelivery).</summary>
    Task OnAssetRegisteredAsync(AssetDocument asset, CancellationToken cancellationToken);

    /// <summary>The asset was deleted through the API (its labels are already gone).</summary>
    Task OnAssetDeletedAsync(AssetDocument asset, CancellationToken cancellationToken);
}
