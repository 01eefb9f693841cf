using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Registers an uploaded asset when its blob trigger fires: read the blob (<see cref="AssetContentReader"/>), store the
/// asset or its new version, mark byte-identical uploads under other paths as duplicates, apply pre-label lines that
/// were waiting for this globalKey, then tell the <see cref="IAssetRegistrationListener"/>s.
/// </summary>
/// <remarks>
/// Idempotent: the blob's ETag identifies what was read, so an event whose ETag is already the asset's current version
/// writes nothing (pending lines and listeners still run — they are idempotent and may have been cut short by a crash).
/// The same bytes uploaded again (new ETag, same SHA-256) are not a new version. An unknown project or an unusable path
/// is recorded as an ingestion error and the invocation succeeds: retrying would not help.
/// </remarks>
internal sealed class AssetIngestion(
    AssetContentStore content,
    AssetStore assets,
    ProjectStore projects,
    PrelabelStore prelabels,
    ImportStore imports,
    IEnumerable<IAssetRegistrationListener> listeners,
    IngestionErrors errors,
    TimeProvider time)
{
    /// <summary>Registers the blob <paramref name="blobEvent"/> names, read through <paramref name="blob"/> (the trigger's client) when given.</summary>
    public async Task<string> IngestAsync(BlobCreatedEvent blobEvent, Azure.Storage.Blobs.BlobClient? blob, CancellationToken cancellationToken)
    {
        var path = AssetPath.FromBlobName(blobEvent.BlobName);
        if (path is null || !Ids.IsProjectId(path.ProjectId))
        {
            return $"ignored {blobEvent.BlobName}: no project segment";
        }

        if (!AssetPath.IsValidPath(path.Path))
        {
            await errors.RecordAsync(path.ProjectId, blobEvent, "invalid_path", "The path has empty, '.' or '..' segments, a backslash or control characters.", cancellationToken);
            return $"ingestion error invalid_path for {blobEvent.BlobName}";
        }

        if (await projects.GetProjectAsync(path.ProjectId, cancellationToken) is null)
        {
            await errors.RecordAsync(path.ProjectId, blobEvent, "unknown_project", $"No project '{path.ProjectId}'.", cancellationToken);
            return $"ingestion error unknown_project for {blobEvent.BlobName}";
        }

        var read = await AssetContentReader.ReadAsync(blob ?? content.Blob(path.ProjectId, path.Path), cancellationToken);
        if (read is null)
        {
            return $"{blobEvent.BlobName} no longer exists";
        }

        var asset = await RegisterAsync(path, read, cancellationToken);
        var applied = await PendingPrelabels.ApplyAsync(prelabels, imports, asset, cancellationToken);
        foreach (var listener in listeners)
        {
            await listener.OnAssetRegisteredAsync(asset, cancellationToken);
        }

        return $"asset {asset.Id} v{asset.Current!.Number} {asset.Current.ContentType} {asset.Current.Size} bytes; {applied} pending pre-label(s) applied";
    }

    /// <summary>
    /// Stores the read content as the asset's new version (or as a new asset) and claims its bytes; a content claim
    /// the asset held for other bytes is released once the new version is stored.
    /// </summary>
    private async Task<AssetDocument> RegisterAsync(AssetPath path, AssetContent content, CancellationToken cancellationToken)
    {
        var assetId = HashedIds.AssetId(path.ProjectId, path.Path);
        var (asset, replaced) = await ConditionalUpdate.RunAsync(
            $"asset {path.ProjectId}/{assetId}",
            ct => assets.GetAsync(path.ProjectId, assetId, ct),
            async (existing, ct) =>
            {
                if (existing?.Current is { } current && (current.BlobETag == content.ETag || current.Sha256 == content.Sha256))
                {
                    return UpdateDecision.Done((existing, (string?)null)); // a redelivery, or the same bytes uploaded again
                }

                var now = time.GetUtcNow();
                var owner = await assets.ClaimContentAsync(path.ProjectId, content.Sha256, assetId, ct);
                var number = (existing?.Versions.LastOrDefault()?.Number ?? 0) + 1;
                var version = new AssetVersion(
                    number,
                    content.Sha256,
                    content.Size,
                    ContentSniffer.MediaType(content.Kind),
                    content.Dimensions?.Width,
                    content.Dimensions?.Height,
                    content.CodePoints,
                    content.ETag,
                    now);
                var next = (existing ?? new AssetDocument { Id = assetId, Pk = path.ProjectId, ProjectId = path.ProjectId, GlobalKey = path.Path, CreatedAt = now }) with
                {
                    Current = version,
                    Versions = [.. (existing?.Versions ?? []).TakeLast(AssetDocument.MaxVersionsKept - 1), version],
                    DuplicateOf = owner == assetId ? null : owner,
                    UpdatedAt = now,
                    DeletedAt = null,
                };
                var action = existing is null ? "asset.created" : existing.Current is null ? "asset.restored" : "asset.version_added";
                var details = new Dictionary<string, string> { ["path"] = path.Path, ["sha256"] = content.Sha256, ["version"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) };
                var old = existing?.Current?.Sha256;
                return UpdateDecision.Write(
                    ct => assets.SaveAsync(next, new ChangeContext("system", now, path.ProjectId), action, details, ct),
                    saved => (saved, old != content.Sha256 ? old : null));
            },
            cancellationToken);
        if (replaced is not null)
        {
            await assets.ReleaseContentAsync(path.ProjectId, replaced, assetId, cancellationToken);
        }

        return asset;
    }
}
