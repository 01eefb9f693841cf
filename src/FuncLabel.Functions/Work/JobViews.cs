using FuncLabel.Data.Work;

namespace FuncLabel.Functions.Work;

internal sealed record JobView(
    string Id, string Name, string DrawGuide, string ReviewGuide, int PassesPerFile, int ReviewFrequency, int ClaimTimeoutMinutes,
    bool SkipAutoAccepted, IReadOnlyList<string> RequiredCredentials, JobState State, int Launches, string CreatedBy, DateTimeOffset CreatedAt, long Version)
{
    public static JobView From(JobDocument j) => new(
        j.JobId, j.Name, j.DrawGuide, j.ReviewGuide, j.PassesPerFile, j.ReviewFrequency, j.ClaimTimeoutMinutes, j.SkipAutoAccepted, j.RequiredCredentials, j.State, j.Launches, j.CreatedBy, j.CreatedAt, j.Version);
}

/// <summary>Body of <c>POST jobs</c> (all but name optional) and <c>PATCH jobs/{jobId}</c> (absent fields unchanged).</summary>
/// <param name="RequiredCredentials">Credential type ids every claimer must validly hold (known types, no repeats; <c>[]</c> clears).</param>
internal sealed record JobRequest(string? Id, string? Name, string? DrawGuide, string? ReviewGuide, int? PassesPerFile, int? ReviewFrequency, int? ClaimTimeoutMinutes, bool? SkipAutoAccepted, IReadOnlyList<string>? RequiredCredentials = null);

internal sealed record ExportRequest(ExportContent? Content);

internal sealed record ExportView(string Id, ExportContent Content, ExportState State, string RequestedBy, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, IReadOnlyList<string> Files, int Assets, int Annotations, int CocoSkipped)
{
    public static ExportView From(ExportDocument e) => new(e.ExportId, e.Content, e.State, e.RequestedBy, e.RequestedAt, e.CompletedAt, e.Files, e.Assets, e.Annotations, e.CocoSkipped);
}

/// <summary>
/// A job's progress: passes per stage (claimed = a live claim), assets per consensus stage, the agreement
/// distribution of merged assets (10-point buckets: bucket i holds [10i, 10i + 10), the last includes 100) and the
/// assets someone skipped, with their reasons.
/// </summary>
internal sealed record ProgressView(
    int Assets, IReadOnlyDictionary<string, int> Passes, int Claimed, IReadOnlyDictionary<string, int> Consensus,
    IReadOnlyList<int> AgreementBuckets, double? MeanAgreement, IReadOnlyList<SkippedAssetView> Skipped, int StaleAssets);

internal sealed record SkippedAssetView(string AssetId, IReadOnlyList<SkipView> Skips);

internal sealed record SkipView(string UserId, int Pass, string Kind, string Reason, DateTimeOffset At);
