using FuncLabel.Data.Work;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>A task: one pass of one asset, as its holder sees it. <see cref="Id"/> is <c>{assetId}.{pass}</c>.</summary>
internal sealed record TaskView(
    string Id, string AssetId, int Pass, TaskKind Kind, PassStage Stage, int Attempt, string AssetVersion, DateTimeOffset? ClaimExpiresAt, bool AssetChanged, long Version)
{
    public static TaskView From(WorkItemDocument item, PassSlot slot) => new(
        TaskIds.Of(item.AssetId, slot.Pass), item.AssetId, slot.Pass, slot.OfferedKind ?? TaskKind.Draw, slot.Stage, slot.Attempt, item.Item.AssetVersion, slot.Claim?.ExpiresAt, item.Item.AssetChanged, item.Version);
}

/// <summary>
/// An opened task: where to read the asset, the guide, and the starting point. Draw: the caller's draft if saved, else
/// the pre-labels; rework: the caller's last submission and the reviewer's comments; review: the pass's submission.
/// <see cref="Accepted"/> are auto-accepted instances, read-only context (part of the final label already).
/// </summary>
internal sealed record OpenedTaskView(TaskView Task, string ContentUrl, string Guide, IReadOnlyList<Annotation> Start, IReadOnlyList<Annotation> Accepted, IReadOnlyList<InstanceComment> Comments);

internal sealed record ClaimRequest(TaskKind? Kind);

internal sealed record LabelRequest(string? AssetVersion, IReadOnlyList<Annotation>? Annotations);

internal sealed record SkipRequest(string? Reason);

/// <summary>A review: the outcome, comments (per instance allowed), and for approve-with-edits the edited annotations.</summary>
internal sealed record ReviewRequest(ReviewOutcome? Outcome, IReadOnlyList<InstanceComment>? Comments, IReadOnlyList<Annotation>? Annotations);

/// <summary>Task ids: <c>{assetId}.{pass}</c> (asset ids are base64url hashes, without dots).</summary>
internal static class TaskIds
{
    public static string Of(string assetId, int pass) => $"{assetId}.{pass.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    public static bool TryParse(string taskId, out string assetId, out int pass)
    {
        int dot = taskId.LastIndexOf('.');
        assetId = dot > 0 ? taskId[..dot] : "";
        pass = 0;
        return dot > 0 && int.TryParse(taskId.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pass)
            && pass is >= 1 and <= JobSettings.MaxPasses && !assetId.Contains('/', StringComparison.Ordinal);
    }
}
