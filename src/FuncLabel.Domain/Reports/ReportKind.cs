namespace FuncLabel.Domain.Reports;

/// <summary>
/// The scheduled reports. Serialised lower snake_case (<c>credentials</c>, <c>exams</c>, <c>quality</c>), which is also
/// the <c>{kind}</c> route segment and the blob name (<c>reports/{scope}/{yyyy-MM-dd}/{kind}.json</c>).
/// </summary>
public enum ReportKind
{
    /// <summary>Grants, revocations, expirations, active holders and credentials expiring soon (per project and org-wide).</summary>
    Credentials,

    /// <summary>Per exam: attempts, pass rate, score distribution, attempts to pass, feedback reasons, per-annotator summary.</summary>
    Exams,

    /// <summary>Per job: agreement with consensus, review rejects, time on task, pre-label edits, skipped assets.</summary>
    Quality,
}
