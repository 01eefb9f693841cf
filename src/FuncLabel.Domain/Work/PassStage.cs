namespace FuncLabel.Domain.Work;

/// <summary>Where one pass of one asset stands. Serialized lower snake_case.</summary>
public enum PassStage
{
    /// <summary>Waiting to be drawn (claimable for drawing unless a live claim holds it).</summary>
    Draw,

    /// <summary>Submitted; the <c>task-events</c> fan-out has not yet counted it and decided review.</summary>
    Submitted,

    /// <summary>Selected for review (claimable by a reviewer who drew no pass of the asset).</summary>
    Review,

    /// <summary>Rejected by a reviewer: only the pass's drawer may claim it again.</summary>
    Rework,

    /// <summary>Done: approved, or not selected for review.</summary>
    Final,
}

/// <summary>What a claim asks for.</summary>
public enum TaskKind
{
    Draw,
    Review,
}

/// <summary>A reviewer's verdict on a pass.</summary>
public enum ReviewOutcome
{
    /// <summary>The pass's label stands.</summary>
    Approve,

    /// <summary>The reviewer's edited label becomes the pass's result.</summary>
    ApproveWithEdits,

    /// <summary>Back to the same drawer for the same pass, with comments.</summary>
    Reject,
}
