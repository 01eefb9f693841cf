using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Work;

/// <summary>
/// The work of one job on one asset: its passes, who holds or did what, skips, and the consensus state. Pure and
/// immutable: every operation returns the next state (or a refusal) and the caller stores it with one conditional
/// write, so two people racing for the same slot cannot both win.
/// </summary>
/// <remarks>
/// <para>Invariants every operation keeps (property-tested):</para>
/// <list type="bullet">
/// <item>A person never holds or has done two passes of one asset: a draw claim is refused to anyone who drew,
/// holds a draw claim on, or skipped any pass of the asset.</item>
/// <item>A reviewer never reviews work on an asset they drew (stricter than "not their own pass": passes are blind).</item>
/// <item>Claims expire lazily: a slot whose claim has expired is free for others, but until someone takes it over
/// it still names the holder, so a late submit by that holder is accepted.</item>
/// <item>Messages (<see cref="AppliedMessages"/>) apply at most once.</item>
/// </list>
/// </remarks>
public sealed record WorkItem(
    string AssetId,
    string AssetVersion,
    ValueList<PassSlot> Passes,
    ValueList<SkipRecord> Skips,
    ConsensusStatus Consensus,
    ValueList<string> AppliedMessages,
    bool AssetChanged = false)
{
    /// <summary>
    /// The work of a newly seen asset: <see cref="JobSettings.PassesPerFile"/> draw passes, or none when every
    /// instance was auto-accepted and the job skips such assets (docs/product.md, Auto-accepted instances).
    /// </summary>
    public static WorkItem Create(string assetId, string assetVersion, JobSettings settings, bool everyInstanceAutoAccepted)
    {
        ArgumentException.ThrowIfNullOrEmpty(assetId);
        ArgumentException.ThrowIfNullOrEmpty(assetVersion);
        if (everyInstanceAutoAccepted && settings.SkipAutoAccepted)
        {
            return new WorkItem(assetId, assetVersion, ValueList<PassSlot>.Empty, ValueList<SkipRecord>.Empty,
                new ConsensusStatus(ConsensusStage.AutoAccepted, null, null, null), ValueList<string>.Empty);
        }

        var passes = Enumerable.Range(1, settings.PassesPerFile).Select(p => new PassSlot(p, PassStage.Draw)).ToValueList();
        return new WorkItem(assetId, assetVersion, passes, ValueList<SkipRecord>.Empty, ConsensusStatus.Pending, ValueList<string>.Empty);
    }

    /// <summary>True when every pass is final (and there is at least one): consensus may run.</summary>
    public bool AllPassesFinal => Passes.Count > 0 && Passes.All(p => p.Stage == PassStage.Final);

    /// <summary>
    /// People who may not draw another pass here: drawers, holders of any claim on the asset (a reviewer holding a
    /// review would otherwise become a drawer of the asset under review), and those who skipped drawing.
    /// </summary>
    public IEnumerable<string> DrawExcluded() =>
        Passes.Select(p => p.Drawer)
            .Concat(Passes.Where(p => p.OfferedKind is not null).Select(p => p.Claim?.UserId))
            .Concat(Skips.Where(s => s.Kind == TaskKind.Draw).Select(s => (string?)s.UserId))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>People who may not review here: everyone who drew or holds a draw claim on a pass, and who skipped reviewing.</summary>
    public IEnumerable<string> ReviewExcluded() =>
        Passes.Select(p => p.Drawer)
            .Concat(Passes.Where(p => p.OfferedKind == TaskKind.Draw).Select(p => p.Claim?.UserId))
            .Concat(Skips.Where(s => s.Kind == TaskKind.Review).Select(s => (string?)s.UserId))
            .OfType<string>()
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// Claims a slot of <paramref name="kind"/> for <paramref name="userId"/>. Draw: the caller's own slot again
    /// (re-claim renews it), else a rework of their pass, else a free pass if they are not excluded. Review: a free
    /// pass selected for review on an asset the caller drew nothing of.
    /// </summary>
    public WorkStep Claim(string userId, TaskKind kind, DateTimeOffset now, TimeSpan timeout)
    {
        if (AssetChanged)
        {
            return WorkStep.Refused(WorkRefusal.AssetChanged);
        }

        var claim = new SlotClaim(userId, now, now + timeout);
        PassSlot? slot = kind == TaskKind.Draw ? DrawSlotFor(userId, now) : ReviewSlotFor(userId, now);
        return slot is null
            ? WorkStep.Refused(WorkRefusal.NothingClaimable)
            : WorkStep.Ok(WithPass(slot with { Claim = claim }), slot.Pass);
    }

    /// <summary>Extends the caller's claim (saving a draft renews it). Refused once someone else took the slot over.</summary>
    public WorkStep Renew(string userId, int pass, DateTimeOffset now, TimeSpan timeout)
    {
        if (Find(pass) is not { } slot || !slot.IsClaimedBy(userId) || slot.OfferedKind is null)
        {
            return WorkStep.Refused(WorkRefusal.NotYours, pass);
        }

        // An expired claim nobody took over is renewed too, unless renewing would break the one-pass-per-person rule.
        return WorkStep.Ok(WithPass(slot with { Claim = slot.Claim! with { ExpiresAt = now + timeout } }), pass);
    }

    /// <summary>
    /// Submits the drawer's label for <paramref name="pass"/>. Accepted while the slot is still the caller's, even
    /// after the claim expired; refused when the asset changed or the submit was made on another asset version.
    /// </summary>
    public WorkStep Submit(string userId, int pass, string labelId, string assetVersion)
    {
        if (Find(pass) is not { } slot || !slot.IsClaimedBy(userId) || slot.OfferedKind != TaskKind.Draw)
        {
            return WorkStep.Refused(WorkRefusal.NotYours, pass);
        }

        if (AssetChanged || !string.Equals(assetVersion, AssetVersion, StringComparison.Ordinal))
        {
            return WorkStep.Refused(WorkRefusal.AssetChanged, pass);
        }

        return WorkStep.Ok(WithPass(slot with { Stage = PassStage.Submitted, Claim = null, Drawer = userId, LabelId = labelId }), pass);
    }

    /// <summary>
    /// Applies the fan-out's decision for a submission: a first attempt numbered <paramref name="sequence"/> in the
    /// job goes to review when selected, else it is final; a reworked attempt always goes back to review.
    /// A redelivered message, or one about an attempt that is no longer the submitted one, changes nothing.
    /// </summary>
    public WorkStep ApplySubmission(string messageId, int pass, int attempt, long? sequence, int reviewFrequency)
    {
        if (AppliedMessages.Contains(messageId))
        {
            return WorkStep.Refused(WorkRefusal.AlreadyApplied, pass);
        }

        if (Find(pass) is not { Stage: PassStage.Submitted } slot || slot.Attempt != attempt)
        {
            return WorkStep.Ok(Applied(messageId), pass);
        }

        PassSlot next = attempt > 0
            ? slot with { Stage = PassStage.Review }
            : slot with
            {
                Sequence = sequence ?? throw new ArgumentNullException(nameof(sequence), "A first attempt needs its sequence number."),
                Stage = ReviewSelection.IsSelected(sequence.Value, reviewFrequency) ? PassStage.Review : PassStage.Final,
            };
        if (next.Stage == PassStage.Final)
        {
            next = next with { ResultLabelId = next.LabelId };
        }

        return WorkStep.Ok(WithPass(next) with { AppliedMessages = AppliedMessages.Append(messageId).ToValueList() }, pass);
    }

    /// <summary>
    /// Records a review by the claim holder: approve (final, the drawer's label counts), approve with edits (final,
    /// <paramref name="editedLabelId"/> counts) or reject (rework for the same drawer, attempt + 1).
    /// </summary>
    public WorkStep Review(string userId, int pass, ReviewOutcome outcome, string reviewLabelId, string? editedLabelId)
    {
        if (Find(pass) is not { Stage: PassStage.Review } slot || !slot.IsClaimedBy(userId))
        {
            return WorkStep.Refused(WorkRefusal.NotYours, pass);
        }

        if (Passes.Any(p => p.Drawer == userId))
        {
            return WorkStep.Refused(WorkRefusal.OwnWork, pass);
        }

        PassSlot reviewed = slot with { Claim = null, Reviewer = userId, Outcome = outcome, ReviewLabelId = reviewLabelId };
        PassSlot next = outcome switch
        {
            ReviewOutcome.Approve => reviewed with { Stage = PassStage.Final, ResultLabelId = slot.LabelId },
            ReviewOutcome.ApproveWithEdits => reviewed with
            {
                Stage = PassStage.Final,
                ResultLabelId = editedLabelId ?? throw new ArgumentNullException(nameof(editedLabelId), "Approve with edits needs the edited label."),
            },
            _ => reviewed with { Stage = PassStage.Rework, Attempt = slot.Attempt + 1, Claim = new SlotClaim(slot.Drawer!, default, default) },
        };
        return WorkStep.Ok(WithPass(next), pass);
    }

    /// <summary>Gives the slot back to the pool (a rework goes back to its drawer only).</summary>
    public WorkStep Release(string userId, int pass)
    {
        if (Find(pass) is not { } slot || !slot.IsClaimedBy(userId) || slot.OfferedKind is null)
        {
            return WorkStep.Refused(WorkRefusal.NotYours, pass);
        }

        return WorkStep.Ok(WithPass(slot.Stage == PassStage.Rework ? slot with { Claim = slot.Claim! with { ExpiresAt = default } } : slot with { Claim = null }), pass);
    }

    /// <summary>
    /// Gives the slot back as unlabelable, with a reason: the asset is flagged for owners and the caller is not
    /// served this asset again for that kind of task. A rework cannot be skipped (only its drawer can do it).
    /// </summary>
    public WorkStep Skip(string userId, int pass, string reason, DateTimeOffset now)
    {
        if (Find(pass) is not { } slot || !slot.IsClaimedBy(userId) || slot.OfferedKind is not { } kind)
        {
            return WorkStep.Refused(WorkRefusal.NotYours, pass);
        }

        if (slot.Stage == PassStage.Rework)
        {
            return WorkStep.Refused(WorkRefusal.WrongStage, pass);
        }

        return WorkStep.Ok(
            WithPass(slot with { Claim = null }) with { Skips = Skips.Append(new SkipRecord(userId, pass, kind, reason, now)).ToValueList() },
            pass);
    }

    /// <summary>Records the merged result; refused when not every pass is final or consensus already ran.</summary>
    public WorkStep CompleteConsensus(string labelId, double? agreement, DateTimeOffset now)
    {
        if (Consensus.Stage != ConsensusStage.Pending || !AllPassesFinal)
        {
            return WorkStep.Refused(Consensus.Stage == ConsensusStage.Done ? WorkRefusal.AlreadyApplied : WorkRefusal.WrongStage);
        }

        return WorkStep.Ok(this with { Consensus = new ConsensusStatus(ConsensusStage.Done, labelId, agreement, now) }, 0);
    }

    /// <summary>The asset got new bytes: open work is stale (claims and submits answer <c>asset_changed</c>; owners relaunch).</summary>
    public WorkItem MarkAssetChanged() => this with { AssetChanged = true };

    /// <summary>The earliest time a slot of <paramref name="kind"/> is free for someone (a claim query key); null when none will be.</summary>
    public DateTimeOffset? FreeFrom(TaskKind kind)
    {
        if (AssetChanged)
        {
            return null;
        }

        var free = Passes.Where(p => p.Stage == (kind == TaskKind.Draw ? PassStage.Draw : PassStage.Review))
            .Select(p => p.Claim?.ExpiresAt ?? DateTimeOffset.MinValue)
            .ToList();
        return free.Count == 0 ? null : free.Min();
    }

    /// <summary>Drawers with a rework waiting for them.</summary>
    public IEnumerable<string> ReworkFor() =>
        Passes.Where(p => p.Stage == PassStage.Rework && p.Drawer is not null).Select(p => p.Drawer!);

    public PassSlot? Find(int pass) => Passes.FirstOrDefault(p => p.Pass == pass);

    private PassSlot? DrawSlotFor(string userId, DateTimeOffset now)
    {
        PassSlot? own = Passes.FirstOrDefault(p => p.OfferedKind == TaskKind.Draw && p.IsClaimedBy(userId));
        if (own is not null)
        {
            return own;
        }

        if (DrawExcluded().Contains(userId, StringComparer.Ordinal))
        {
            return null;
        }

        return Passes.FirstOrDefault(p => p.Stage == PassStage.Draw && p.IsFreeAt(now));
    }

    private PassSlot? ReviewSlotFor(string userId, DateTimeOffset now)
    {
        PassSlot? own = Passes.FirstOrDefault(p => p.Stage == PassStage.Review && p.IsClaimedBy(userId));
        if (own is not null)
        {
            return own;
        }

        return ReviewExcluded().Contains(userId, StringComparer.Ordinal)
            ? null
            : Passes.FirstOrDefault(p => p.Stage == PassStage.Review && p.IsFreeAt(now));
    }

    private WorkItem Applied(string messageId) => this with { AppliedMessages = AppliedMessages.Append(messageId).ToValueList() };

    private WorkItem WithPass(PassSlot slot) =>
        this with { Passes = Passes.Select(p => p.Pass == slot.Pass ? slot : p).ToValueList() };
}
