namespace FuncLabel.Domain.Work;

/// <summary>
/// Who holds a pass and until when. A claim past <see cref="ExpiresAt"/> no longer keeps others out (the slot is
/// back in the pool), but until someone else claims the slot it still names its holder, which is what lets a late
/// submit by that holder succeed.
/// </summary>
public sealed record SlotClaim(string UserId, DateTimeOffset ClaimedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>True while the claim keeps the slot from everyone else.</summary>
    public bool IsHeldAt(DateTimeOffset now) => now < ExpiresAt;
}
