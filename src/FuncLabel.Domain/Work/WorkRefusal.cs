namespace FuncLabel.Domain.Work;

/// <summary>Why a task operation was refused. Expected outcomes, not bugs: the API maps each to a status.</summary>
public enum WorkRefusal
{
    /// <summary>Nothing on this asset is claimable by this person for this kind (204 on claim).</summary>
    NothingClaimable,

    /// <summary>The pass is not the caller's (never claimed by them, or claimed by someone else since): 404.</summary>
    NotYours,

    /// <summary>The pass is not in a stage that allows the operation (e.g. submitting a final pass): 409.</summary>
    WrongStage,

    /// <summary>The asset has new bytes since the work was created, or the submit names another version: 409 <c>asset_changed</c>.</summary>
    AssetChanged,

    /// <summary>A reviewer may not review a pass of an asset they drew: 409.</summary>
    OwnWork,

    /// <summary>The message was applied before (redelivery): nothing to do.</summary>
    AlreadyApplied,
}
