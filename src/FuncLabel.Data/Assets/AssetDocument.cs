using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Assets;

/// <summary>
/// One asset: container <c>assets</c>, pk <c>{projectId}</c>, id = <c>HashedIds.AssetId(projectId, path)</c>, so the
/// same path is always the same asset of its project (never another project's: the id keys the asset's <c>labels</c>
/// partition) and a lookup by globalKey is a point read. Each upload with new bytes appends a version; a delete leaves a
/// tombstone (<see cref="DeletedAt"/>, no <see cref="Current"/>) so late events for old bytes are recognised and
/// ignored, and a later upload to the same path continues the version numbers.
/// </summary>
internal sealed record AssetDocument : VersionedDocument
{
    public override string DocType => "asset";

    public required string ProjectId { get; init; }

    /// <summary>The path inside the project; also the asset's <c>globalKey</c>.</summary>
    public required string GlobalKey { get; init; }

    /// <summary>The latest version; null after a delete.</summary>
    public AssetVersion? Current { get; init; }

    /// <summary>Every version ingested, oldest first (the last <see cref="MaxVersionsKept"/>).</summary>
    public IReadOnlyList<AssetVersion> Versions { get; init; } = [];

    /// <summary>The asset that had the same bytes first (same SHA-256 under another path), if any.</summary>
    public string? DuplicateOf { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public const int MaxVersionsKept = 50;

    public static string Resource(string projectId, string assetId) => $"asset:{projectId}:{assetId}";
}

/// <summary>One ingested version of an asset's bytes.</summary>
/// <param name="Number">1 for the first upload, +1 for every upload with different bytes.</param>
/// <param name="Sha256">Lower-case hex of the bytes' SHA-256; labels and work pin it.</param>
/// <param name="BlobETag">The blob's ETag when it was read; the same ETag again is a redelivery.</param>
internal sealed record AssetVersion(
    int Number,
    string Sha256,
    long Size,
    string ContentType,
    int? Width,
    int? Height,
    long? CodePoints,
    string BlobETag,
    DateTimeOffset IngestedAt);

/// <summary>
/// First-wins claim of a byte content inside a project: container <c>assets</c>, id <c>sha256:{hex}</c>. Whoever creates
/// it first owns the bytes; later assets with the same bytes are marked <see cref="AssetDocument.DuplicateOf"/> the owner.
/// A derived document (no ledger): created once, deleted with its owner.
/// </summary>
internal sealed record ContentClaimDocument : Cosmos.CosmosDocument
{
    public override string DocType => "content-claim";

    public required string AssetId { get; init; }

    public static string IdFor(string sha256) => "sha256:" + sha256;
}
