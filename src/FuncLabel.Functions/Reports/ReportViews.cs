using System.Globalization;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Reports;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Functions.Reports;

/// <summary>The reports built for a scope, newest date first.</summary>
internal sealed record ReportListView(string Scope, IReadOnlyList<ReportEntryView> Items);

/// <summary>One built report date of one kind, with a link per format.</summary>
internal sealed record ReportEntryView(ReportKind Kind, string Date, IReadOnlyList<ReportFileFormat> Formats, DateTimeOffset LastModified, IReadOnlyDictionary<string, string> Links)
{
    public static ReportEntryView From(string scope, StoredReport report)
    {
        var date = report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var root = scope == LedgerEvent.OrgScope ? "/api/reports/org" : $"/api/projects/{scope}/reports";
        return new ReportEntryView(
            report.Kind,
            date,
            report.Formats,
            report.LastModified,
            report.Formats.ToDictionary(ReportFiles.Extension, f => $"{root}/{ReportFiles.Name(report.Kind)}/{date}?format={ReportFiles.Extension(f)}", StringComparer.Ordinal));
    }
}

/// <summary>The answer to a build: what was built, when, by whom, and how many times this date has been built.</summary>
internal sealed record ReportBuildView(string Scope, ReportKind Kind, string Date, DateTimeOffset BuiltAt, string BuiltBy, long Builds)
{
    public static ReportBuildView From(ReportBuildDocument build) =>
        new(build.Scope, build.Kind, build.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), build.BuiltAt, build.BuiltBy, build.Version);
}
