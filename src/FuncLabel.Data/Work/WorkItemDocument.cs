using System.Text.Json.Serialization;
using FuncLabel.Domain.Work;

namespace FuncLabel.Data.Work;

/// <summary>
/// The work of one job on one asset: container <c>work</c>, pk <c>{jobId}</c>, id <c>{assetId}</c>. Holds the domain
/// <see cref="WorkItem"/> plus fields derived from it on every write, which the claim and "mine" queries filter on
/// (times as Unix milliseconds, so the query compares numbers).
/// </summary>
public sealed record WorkItemDocument : MessagingDocument
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
    };
}
