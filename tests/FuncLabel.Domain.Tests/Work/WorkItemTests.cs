using FuncLabel.Domain.Work;

namespace FuncLabel.Domain.Tests.Work;

/// <summary>Hand-worked transitions of one asset's work.</summary>
public sealed class WorkItemTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(30);
    private static readonly JobSettings ThreePasses = new(3, 2, Timeout, SkipAutoAccepted: true);

    private static WorkItem Fresh() => WorkItem.Create("asset-1", "sha-1", ThreePasses, everyInstanceAutoAccepted: false);

    [Fact]
    public void Create_PassesPerFileDrawSlots()
    {
        var item = Fresh();
        Assert.Equal([1, 2, 3], item.Passes.Select(p => p.Pass));
        Assert.All(item.Passes, p => Assert.Equal(PassStage.Draw, p.Stage));
        Assert.Equal(ConsensusStage.Pending, item.Consensus.Stage);
    }

    [Fact]
    public void Create_AllAutoAcceptedAndJobSkips_NoPasses()
    {
        var item = WorkItem.Create("a", "v", ThreePasses, everyInstanceAutoAccepted: true);
        Assert.Empty(item.Passes);
        Assert.Equal(ConsensusStage.AutoAccepted, item.Consensus.Stage);
        Assert.Equal(3, WorkItem.Create("a", "v", ThreePasses with { SkipAutoAccepted = false }, true).Passes.Count);
    }

    [Fact]
    public void Claim_SecondClaimBySamePerson_GetsTheSamePassNotAnother()
    {
        var first = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout);
        var again = first.Value.Claim("ann", TaskKind.Draw, T0.AddMinutes(1), Timeout);
        Assert.Equal(first.Pass, again.Pass);
        Assert.Single(again.Value.Passes, p => p.Claim?.UserId == "ann");
    }

    [Fact]
    public void Claim_DrawerOfOnePass_CannotDrawAnother()
    {
        var item = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout).Value.Submit("ann", 1, "l1", "sha-1").Value;
        Assert.Equal(WorkRefusal.NothingClaimable, item.Claim("ann", TaskKind.Draw, T0, Timeout).Refusal);
        Assert.Equal(2, item.Claim("bob", TaskKind.Draw, T0, Timeout).Pass);
    }

    [Fact]
    public void Claim_HeldClaimKeepsOthersOut_UntilItExpires()
    {
        var one = WorkItem.Create("a", "v", ThreePasses with { PassesPerFile = 1 }, false).Claim("ann", TaskKind.Draw, T0, Timeout).Value;
        Assert.Equal(WorkRefusal.NothingClaimable, one.Claim("bob", TaskKind.Draw, T0.AddMinutes(29), Timeout).Refusal);
        var taken = one.Claim("bob", TaskKind.Draw, T0.AddMinutes(30), Timeout);
        Assert.Equal("bob", taken.Value.Find(1)!.Claim!.UserId);
    }

    [Fact]
    public void Renew_ExtendsTheClaimFromNow()
    {
        var one = WorkItem.Create("a", "v", ThreePasses with { PassesPerFile = 1 }, false).Claim("ann", TaskKind.Draw, T0, Timeout).Value;
        var renewed = one.Renew("ann", 1, T0.AddMinutes(25), Timeout).Value;
        Assert.Equal(T0.AddMinutes(55), renewed.Find(1)!.Claim!.ExpiresAt);
        Assert.Equal(WorkRefusal.NothingClaimable, renewed.Claim("bob", TaskKind.Draw, T0.AddMinutes(40), Timeout).Refusal);
        Assert.Equal(WorkRefusal.NotYours, renewed.Renew("bob", 1, T0, Timeout).Refusal);
    }

    [Fact]
    public void Submit_LateButNotTakenOver_Accepted_TakenOver_NotYours()
    {
        var one = WorkItem.Create("a", "v", ThreePasses with { PassesPerFile = 1 }, false).Claim("ann", TaskKind.Draw, T0, Timeout).Value;
        Assert.True(one.Submit("ann", 1, "l", "v").Succeeded);
        var taken = one.Claim("bob", TaskKind.Draw, T0.AddHours(1), Timeout).Value;
        Assert.Equal(WorkRefusal.NotYours, taken.Submit("ann", 1, "l", "v").Refusal);
    }

    [Fact]
    public void Submit_OtherAssetVersionOrChangedAsset_AssetChanged()
    {
        var one = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout).Value;
        Assert.Equal(WorkRefusal.AssetChanged, one.Submit("ann", 1, "l", "sha-2").Refusal);
        Assert.Equal(WorkRefusal.AssetChanged, one.MarkAssetChanged().Submit("ann", 1, "l", "sha-1").Refusal);
        Assert.Equal(WorkRefusal.AssetChanged, Fresh().MarkAssetChanged().Claim("bob", TaskKind.Draw, T0, Timeout).Refusal);
    }

    [Fact]
    public void ApplySubmission_EveryKthReviewed_RedeliveryIgnored()
    {
        var item = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout).Value.Submit("ann", 1, "l1", "sha-1").Value;
        var odd = item.ApplySubmission("m1", 1, 0, sequence: 3, reviewFrequency: 2).Value;
        Assert.Equal(PassStage.Final, odd.Find(1)!.Stage);
        Assert.Equal("l1", odd.Find(1)!.ResultLabelId);
        Assert.Equal(WorkRefusal.AlreadyApplied, odd.ApplySubmission("m1", 1, 0, 3, 2).Refusal);

        var even = item.ApplySubmission("m1", 1, 0, sequence: 4, reviewFrequency: 2).Value;
        Assert.Equal(PassStage.Review, even.Find(1)!.Stage);
    }

    [Fact]
    public void Review_NeverByTheDrawerOfAnyPass()
    {
        var item = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout).Value.Submit("ann", 1, "l1", "sha-1").Value
            .ApplySubmission("m1", 1, 0, 2, 2).Value
            .Claim("bob", TaskKind.Draw, T0, Timeout).Value;
        Assert.Equal(WorkRefusal.NothingClaimable, item.Claim("ann", TaskKind.Review, T0, Timeout).Refusal);
        Assert.Equal(WorkRefusal.NothingClaimable, item.Claim("bob", TaskKind.Review, T0, Timeout).Refusal); // holds a draw claim on the asset
        Assert.Equal(1, item.Claim("rev", TaskKind.Review, T0, Timeout).Pass);
    }

    [Fact]
    public void Review_RejectThenRework_SameDrawerSamePass_ThenBackToReview()
    {
        var inReview = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout).Value.Submit("ann", 1, "l1", "sha-1").Value
            .ApplySubmission("m1", 1, 0, 2, 2).Value
            .Claim("rev", TaskKind.Review, T0, Timeout).Value;
        var rejected = inReview.Review("rev", 1, ReviewOutcome.Reject, "r1", null).Value;
        var pass = rejected.Find(1)!;
        Assert.Equal((PassStage.Rework, 1, "ann"), (pass.Stage, pass.Attempt, pass.Drawer));
        Assert.Equal(2, rejected.Claim("bob", TaskKind.Draw, T0, Timeout).Pass); // pass 1 waits for its drawer only

        var reworked = rejected.Claim("ann", TaskKind.Draw, T0.AddMinutes(5), Timeout);
        Assert.Equal(1, reworked.Pass);
        var resubmitted = reworked.Value.Submit("ann", 1, "l1b", "sha-1").Value.ApplySubmission("m2", 1, 1, null, 2).Value;
        Assert.Equal(PassStage.Review, resubmitted.Find(1)!.Stage);
        var approved = resubmitted.Claim("rev2", TaskKind.Review, T0, Timeout).Value.Review("rev2", 1, ReviewOutcome.ApproveWithEdits, "r2", "edit").Value;
        Assert.Equal((PassStage.Final, "edit"), (approved.Find(1)!.Stage, approved.Find(1)!.ResultLabelId));
    }

    [Fact]
    public void Skip_FlagsAndKeepsTheSkipperAway()
    {
        var claimed = Fresh().Claim("ann", TaskKind.Draw, T0, Timeout);
        var skipped = claimed.Value.Skip("ann", claimed.Pass, "blurry", T0).Value;
        Assert.Equal("blurry", Assert.Single(skipped.Skips).Reason);
        Assert.Null(skipped.Find(claimed.Pass)!.Claim);
        Assert.Equal(WorkRefusal.NothingClaimable, skipped.Claim("ann", TaskKind.Draw, T0, Timeout).Refusal);
    }

    [Fact]
    public void CompleteConsensus_OnlyOnceAndOnlyWhenAllFinal()
    {
        var item = WorkItem.Create("a", "v", ThreePasses with { PassesPerFile = 1, ReviewFrequency = 0 }, false)
            .Claim("ann", TaskKind.Draw, T0, Timeout).Value.Submit("ann", 1, "l", "v").Value;
        Assert.Equal(WorkRefusal.WrongStage, item.CompleteConsensus("c", null, T0).Refusal);
        var final = item.ApplySubmission("m", 1, 0, 1, 0).Value;
        var done = final.CompleteConsensus("c", null, T0).Value;
        Assert.Equal(WorkRefusal.AlreadyApplied, done.CompleteConsensus("c", null, T0).Refusal);
    }
}
