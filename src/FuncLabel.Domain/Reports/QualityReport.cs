namespace FuncLabel.Domain.Reports;

/// <summary>
/// How good a project's labeling was in the period: one <see cref="JobQuality"/> per job of the project (ordered by job
/// id; jobs without activity included with zeros). Every figure counts ledger events whose time is in the period.
/// </summary>
public sealed record QualityReport(
    string Scope,
    DateOnly Day,
    ReportPeriod Period,
    DateTimeOffset GeneratedAt,
    IReadOnlyList<JobQuality> Jobs);

/// <summary>
/// One job's quality figures.
/// <see cref="ReviewRejectRate"/> = rejected / reviews (null without reviews).
/// <see cref="MeanAgreement"/> = mean of the consensus agreement scores of assets merged in the period (null without any).
/// </summary>
/// <param name="Submissions">Draw passes submitted (a rework submit counts again).</param>
/// <param name="ConsensusAssets">Assets whose passes were merged into consensus in the period.</param>
/// <param name="SkippedAssets">Distinct assets skipped in the period, with who skipped and why (ordered by time).</param>
/// <param name="Annotators">Per drawer, ordered by user id.</param>
public sealed record JobQuality(
    string JobId,
    string Name,
    int Submissions,
    ReviewCounts Reviews,
    double? ReviewRejectRate,
    int ConsensusAssets,
    double? MeanAgreement,
    TimeOnTask TimeOnTask,
    PrelabelUse Prelabels,
    int Skips,
    IReadOnlyList<SkippedAsset> SkippedAssets,
    IReadOnlyList<AnnotatorQuality> Annotators);

/// <summary>Reviews by outcome; <see cref="Total"/> is their sum.</summary>
public sealed record ReviewCounts(int Total, int Approved, int ApprovedWithEdits, int Rejected);

/// <summary>
/// Seconds from a draw task's claim to its submit, over the submissions of the period (a claim renewed by a draft
/// keeps its start). Null figures without submissions. The median of an even count is the mean of the middle two.
/// </summary>
public sealed record TimeOnTask(int Count, double? MedianSeconds, double? MeanSeconds, double? MaxSeconds);

/// <summary>
/// What happened to the pre-labels a drawer started from: kept unchanged (same uuid, same annotation), edited (same
/// uuid, changed) or deleted. Shares are of <see cref="Offered"/>, null when nothing was offered.
/// </summary>
public sealed record PrelabelUse(int Offered, int Unchanged, int Edited, int Deleted, double? UnchangedShare, double? EditedShare);

/// <summary>An asset someone skipped (flagged unlabelable).</summary>
public sealed record SkippedAsset(string AssetId, string UserId, string Reason, DateTimeOffset At);

/// <summary>
/// One drawer's figures in the job. <see cref="MeanAgreement"/> is the mean, over the drawer's passes merged in the
/// period, of the pass's agreement with consensus (see <c>PassAgreement</c>), null without merged passes.
/// <see cref="RejectRate"/> = rejected / reviews of the drawer's passes, null without reviews.
/// </summary>
public sealed record AnnotatorQuality(
    string UserId,
    int Submissions,
    int PassesInConsensus,
    double? MeanAgreement,
    int ReviewsReceived,
    int RejectsReceived,
    double? RejectRate,
    double? MedianSecondsOnTask,
    int PrelabelsOffered,
    int PrelabelsUnchanged,
    int PrelabelsEdited,
    int Skips);
