namespace FuncLabel.Domain.Work;

/// <summary>
/// One draw pass of one asset and, when selected, its review.
/// </summary>
/// <param name="Pass">1-based pass number.</param>
/// <param name="Stage">Where the pass stands.</param>
/// <param name="Claim">The drawer's claim in <see cref="PassStage.Draw"/>/<see cref="PassStage.Rework"/>, the reviewer's in <see cref="PassStage.Review"/>; null when unclaimed.</param>
/// <param name="Drawer">Who submitted the pass (fixed from the first submit: rework goes back to them).</param>
/// <param name="LabelId">The drawer's latest submitted label.</param>
/// <param name="Attempt">0 for the first draw; +1 per rejection.</param>
/// <param name="Sequence">The job-wide number of the first submission (set by the fan-out), which decided review selection.</param>
/// <param name="Reviewer">Who reviewed last.</param>
/// <param name="Outcome">The last review's outcome.</param>
/// <param name="ReviewLabelId">The last review's document (comments, edited label).</param>
/// <param name="ResultLabelId">The label that counts for consensus once final: the drawer's, or the reviewer's edit.</param>
public sealed record PassSlot(
    int Pass,
    PassStage Stage,
    SlotClaim? Claim = null,
    string? Drawer = null,
    string? LabelId = null,
    int Attempt = 0,
    long? Sequence = null,
    string? Reviewer = null,
    ReviewOutcome? Outcome = null,
    string? ReviewLabelId = null,
    string? ResultLabelId = null)
{
    /// <summary>True when nobody's live claim keeps the slot from others.</summary>
    public bool IsFreeAt(DateTimeOffset now) => Claim is null || !Claim.IsHeldAt(now);

    /// <summary>The kind of task the slot offers in its stage, or null when it offers none.</summary>
    public TaskKind? OfferedKind => Stage switch
    {
        PassStage.Draw or PassStage.Rework => TaskKind.Draw,
        PassStage.Review => TaskKind.Review,
        _ => null,
    };

    /// <summary>True when <paramref name="userId"/> holds this slot's claim (live or expired but not taken over).</summary>
    public bool IsClaimedBy(string userId) => Claim is not null && Claim.UserId == userId;
}
