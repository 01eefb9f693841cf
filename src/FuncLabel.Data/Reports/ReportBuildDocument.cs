using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Data.Reports;

/// <summary>
/// The record that a report date was built, one per (scope, kind, day): container <c>projects</c> with pk
/// <c>{projectId}</c> for project reports, container <c>catalog</c> with pk <see cref="OrgPartition"/> for
/// organisation-wide ones; id <c>report:{kind}:{yyyy-MM-dd}</c>. Every build (timer or HTTP) is one conditional
/// write that bumps <see cref="VersionedDocument.Version"/> and owes the <c>report.built</c> ledger event, which is how
/// "who rebuilt this report, when" is answered. The files themselves live in blob storage (<see cref="ReportBlobStore"/>).
/// </summary>
internal sealed record ReportBuildDocument : VersionedDocument
{
    /// <summary>The catalog partition of the organisation-wide reports' build records.</summary>
    public const string OrgPartition = "reports";

    public override string DocType => "report-build";

    public required string Scope { get; init; }

    public required ReportKind Kind { get; init; }

    public required DateOnly Day { get; init; }

    public required DateTimeOffset BuiltAt { get; init; }

    /// <summary>A user id for an HTTP build, <c>system</c> for the timer.</summary>
    public required string BuiltBy { get; init; }

    public static string IdFor(ReportKind kind, DateOnly day) =>
        $"report:{ReportFiles.Name(kind)}:{day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    public static string Resource(string scope, ReportKind kind, DateOnly day) => $"report:{scope}:{IdFor(kind, day)["report:".Length..]}";
}
