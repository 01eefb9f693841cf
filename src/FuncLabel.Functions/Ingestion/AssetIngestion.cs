using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Registers an uploaded asset from its blob-created event: read the blob (<see cref="AssetContentReader"/>), store the
/// asset or its new version, mark byte-identical uploads under other paths as duplicates, apply pre-label lines that
/// were waiting for this globalKey, then tell the <see cref="IAssetRegistrationListener"/>s.
/// </summary>
/// <remarks>
/// Idempotent: the blob's ETag identifies what was read, so an event whose ETag is already the asset's current version
/// writes nothing (pending lines and listeners still run — they are idempotent and may have been cut short by a crash).
/// The same bytes uploaded again (new ETag, same SHA-256) are not a new version. An unknown project or an unusable path
/// is recorded as an ingestion error and the message completes: retrying would not help.
/// </remarks>
public sealed class AssetIngestion(
    AssetContentStore content,
    AssetStore assets,
    ProjectStore projects,
    PrelabelStore prelabels,
    ImportStore imports,
    IEnumerable<IAssetRegistrationListener> listeners,
    TimeProvider time)
{
    public async Task<string> IngestAsync(BlobCreatedEvent blobEvent, CancellationToken cancellationToken)
    {
        var path = AssetPath.FromBlobName(blobEvent.BlobName);
        if (path is null || !Ids.IsProjectId(path.ProjectId))
        {
            return $"ignored {blobEvent.BlobName}: no project segment";
        }

        if (!AssetPath.IsValidPath(path.Path))
        {
            await RecordErrorAsync(path.ProjectId, blobEvent, "invalid_path", "The path has empty, '.' or '..' segments, a backslash or control characters.", cancellationToken);
            return $"ingestion error invalid_path for {blobEvent.BlobName}";
        }

        if (await projects.GetProjectAsync(path.ProjectId, cancellationToken) is null)
        {
            await RecordErrorAsync(path.ProjectId, blobEvent, "unknown_project", $"No project '{path.ProjectId}'.", cancellationToken);
            return $"ingestion error unknown_project for {blobEvent.BlobName}";
        }

        var read = await AssetContentReader.ReadAsync(content.Blob(path.ProjectId, path.Path), cancellationToken);
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

    private async Task<AssetDocument> RegisterAsync(AssetPath path, AssetContent content, CancellationToken cancellationToken)
    {
        var assetId = HashedIds.AssetId(path.ProjectId, path.Path);
        while (true)
        {
            var existing = await assets.GetAsync(path.ProjectId, assetId, cancellationToken);
            if (existing?.Current is { } current && (current.BlobETag == content.ETag || current.Sha256 == content.Sha256))
            {
                return existing; // a redelivery, or the same bytes uploaded again
            }

            var now = time.GetUtcNow();
            var owner = await assets.ClaimContentAsync(path.ProjectId, content.Sha256, assetId, cancellationToken);
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
            var saved = await assets.SaveAsync(
                next,
                new ChangeContext("system", now, path.ProjectId),
                action,
                new Dictionary<string, string> { ["path"] = path.Path, ["sha256"] = content.Sha256, ["version"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                cancellationToken);
            if (saved.Succeeded)
            {
                if (existing?.Current is { } old && old.Sha256 != content.Sha256)
                {
                    await assets.ReleaseContentAsync(path.ProjectId, old.Sha256, assetId, cancellationToken);
                }

                return saved.Value;
            }

            // Another delivery wrote meanwhile: read again and decide again.
        }
    }

    private Task RecordErrorAsync(string projectId, BlobCreatedEvent blobEvent, string reason, string message, CancellationToken cancellationToken) =>
        assets.RecordErrorAsync(
            new IngestErrorDocument
            {
                Id = IngestErrorDocument.IdFor($"{blobEvent.Container}/{blobEvent.BlobName}/{blobEvent.ETag ?? blobEvent.Id}"),
                Pk = projectId,
                ProjectId = projectId,
                Container = blobEvent.Container,
                BlobName = blobEvent.BlobName,
                Reason = reason,
                Message = message,
                EventId = blobEvent.Id,
                At = time.GetUtcNow(),
            },
            cancellationToken);
}
