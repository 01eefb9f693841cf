using System.Text.Json.Serialization;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Work;

namespace FuncLabel.Data.Work;

/// <summary>
/// The work of one job on one asset: container <c>work</c>, pk <c>{projectId}:{jobId}</c> (<see cref="WorkPartition"/>),
/// id <c>{assetId}</c>. Holds the domain <see cref="WorkItem"/> plus fields derived from it on every write, which the
/// claim and "mine" queries filter on (times as Unix milliseconds, so the query compares numbers).
/// </summary>
internal sealed record WorkItemDocument : VersionedDocument
{
    /// <summary>"Never" for <see cref="DrawFreeAt"/>/<see cref="ReviewFreeAt"/>: year 9999, still exact as a JavaScript number.</summary>
    public const long Never = 253402300799000;

    public override string DocType => "work-item";

    public required string ProjectId { get; init; }

    public required string JobId { get; init; }

    public required WorkItem Item { get; init; }

    /// <summary>Earliest time a draw pass is free (Unix ms), else <see cref="Never"/>.</summary>
    public long DrawFreeAt { get; init; } = Never;

    /// <summary>Earliest time a review is free (Unix ms), else <see cref="Never"/>.</summary>
    public long ReviewFreeAt { get; init; } = Never;

    public IReadOnlyList<string> DrawExcluded { get; init; } = [];

    public IReadOnlyList<string> ReviewExcluded { get; init; } = [];

    public IReadOnlyList<string> ReworkFor { get; init; } = [];

    /// <summary>Everyone holding a claim on the item (live or not yet taken over): "my tasks".</summary>
    public IReadOnlyList<string> Holders { get; init; } = [];

    /// <summary>People this item has a draw task reserved for: holders of a draw claim and drawers with a rework waiting.</summary>
    public IReadOnlyList<string> DrawFor { get; init; } = [];

    /// <summary>People holding a review claim here.</summary>
    public IReadOnlyList<string> ReviewFor { get; init; } = [];

    /// <summary>
    /// A fixed pseudo-random position in [0, 1) derived from the asset id: claims read a random window of ranks, so
    /// concurrent claimers look at different items instead of all at the first page of the partition.
    /// </summary>
    public double ClaimOrder { get; init; }

    [JsonIgnore]
    public string AssetId => Id;

    /// <summary>This document with <paramref name="item"/> and the query fields recomputed from it.</summary>
    public WorkItemDocument With(WorkItem item) => this with
    {
        Item = item,
        DrawFreeAt = item.FreeFrom(TaskKind.Draw) is { } draw ? Math.Max(0, draw.ToUnixTimeMilliseconds()) : Never,
        ReviewFreeAt = item.FreeFrom(TaskKind.Review) is { } review ? Math.Max(0, review.ToUnixTimeMilliseconds()) : Never,
        DrawExcluded = [.. item.DrawExcluded()],
        ReviewExcluded = [.. item.ReviewExcluded()],
        ReworkFor = [.. item.ReworkFor()],
        Holders = [.. item.Passes.Where(p => p.OfferedKind is not null && p.Claim is not null).Select(p => p.Claim!.UserId).Distinct(StringComparer.Ordinal)],
        DrawFor = [.. HoldersOf(item, TaskKind.Draw).Concat(item.ReworkFor()).Distinct(StringComparer.Ordinal)],
        ReviewFor = [.. HoldersOf(item, TaskKind.Review).Distinct(StringComparer.Ordinal)],
        ClaimOrder = ClaimOrderOf(Id),
    };

    /// <summary>The claim order of <paramref name="assetId"/>: the first 52 bits of its SHA-256 as a fraction (uniform, stable).</summary>
    public static double ClaimOrderOf(string assetId)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(assetId), hash);
        ulong bits = System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(hash) >> 12;
        return bits / (double)(1UL << 52);
    }

    private static IEnumerable<string> HoldersOf(WorkItem item, TaskKind kind) =>
        item.Passes.Where(p => p.OfferedKind == kind && p.Claim is not null).Select(p => p.Claim!.UserId);
}
