namespace FuncLabel.Domain.Work;

/// <summary>Whether an asset's passes have been merged.</summary>
public enum ConsensusStage
{
    /// <summary>Some pass is not final yet.</summary>
    Pending,

    /// <summary>Merged: <see cref="ConsensusStatus.LabelId"/> names the consensus label.</summary>
    Done,

    /// <summary>Every instance was auto-accepted and the job skips such assets: no passes, the accepted instances are the answer.</summary>
    AutoAccepted,
}

/// <summary>The consensus state of a work item; <see cref="Agreement"/> is null when fewer than two passes exist.</summary>
public sealed record ConsensusStatus(ConsensusStage Stage, string? LabelId, double? Agreement, DateTimeOffset? At)
{
    public static ConsensusStatus Pending { get; } = new(ConsensusStage.Pending, null, null, null);
}
