using System.Globalization;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Reports;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Reports;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Reports;

/// <summary>
/// The scheduled reports over HTTP (docs/reports.md): list what was built, fetch the latest or a given date of a kind
/// as JSON, CSV or HTML, and (re)build a date. Project reports are for owners (and admins); the organisation-wide
/// credential report under <c>/api/reports/org</c> is for admins. An unknown kind, a date that is not
/// <c>yyyy-MM-dd</c> or a report never built answer 404.
/// </summary>
internal static class ReportsApi
{
    

    public static Task<Ok<ReportListView>> ListProjectAsync(string projectId, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        ListAsync(projectId, services, cancellationToken);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> LatestProjectAsync(
        string projectId, string kind, string? format, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        LatestAsync(projectId, kind, format, services, cancellationToken);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetProjectAsync(
        string projectId, string kind, string date, string? format, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        GetAsync(projectId, kind, date, format, services, cancellationToken);

    public static Task<Results<Ok<ReportBuildView>, ProblemHttpResult>> BuildProjectAsync(
        string projectId, string kind, string date, HttpContext http, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        BuildAsync(projectId, kind, date, http, services, cancellationToken);

    public static Task<Ok<ReportListView>> ListOrgAsync([AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        ListAsync(LedgerEvent.OrgScope, services, cancellationToken);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> LatestOrgAsync(
        string kind, string? format, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        LatestAsync(LedgerEvent.OrgScope, kind, format, services, cancellationToken);

    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> GetOrgAsync(
        string kind, string date, string? format, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        GetAsync(LedgerEvent.OrgScope, kind, date, format, services, cancellationToken);

    public static Task<Results<Ok<ReportBuildView>, ProblemHttpResult>> BuildOrgAsync(
        string kind, string date, HttpContext http, [AsParameters] ReportServices services, CancellationToken cancellationToken) =>
        BuildAsync(LedgerEvent.OrgScope, kind, date, http, services, cancellationToken);

    private static async Task<Ok<ReportListView>> ListAsync(string scope, ReportServices services, CancellationToken cancellationToken)
    {
        var stored = await services.Files.ListAsync(scope, cancellationToken);
        return TypedResults.Ok(new ReportListView(scope, [.. stored.Select(r => ReportEntryView.From(scope, r))]));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> LatestAsync(
        string scope, string kind, string? format, ReportServices services, CancellationToken cancellationToken)
    {
        if (!Parse(scope, kind, format, out var reportKind, out var reportFormat))
        {
            return Problems.NotFound($"There is no '{kind}' report in {format ?? "json"}.");
        }

        var day = await services.Files.LatestAsync(scope, reportKind, cancellationToken);
        return day is { } found
            ? await FileAsync(scope, reportKind, found, reportFormat, services, cancellationToken)
            : Problems.NotFound($"No {kind} report was built yet.");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetAsync(
        string scope, string kind, string date, string? format, ReportServices services, CancellationToken cancellationToken)
    {
        if (!Parse(scope, kind, format, out var reportKind, out var reportFormat) || ParseDate(date) is not { } day)
        {
            return Problems.NotFound($"There is no '{kind}' report of '{date}' in {format ?? "json"}.");
        }

        return await FileAsync(scope, reportKind, day, reportFormat, services, cancellationToken);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> FileAsync(
        string scope, ReportKind kind, DateOnly day, ReportFileFormat format, ReportServices services, CancellationToken cancellationToken)
    {
        var content = await services.Files.ReadAsync(scope, day, kind, format, cancellationToken);
        return content is null
            ? Problems.NotFound($"The {ReportFiles.Name(kind)} report of {Day(day)} was not built.")
            : TypedResults.File(content.ToArray(), ReportFiles.ContentType(format));
    }

    /// <summary>
    /// Builds (or rebuilds) the date now, from the ledger as it is: the same files a timer writes, overwritten, and a
    /// <c>report.built</c> ledger event by the caller. Dates after today (UTC) are refused with 404: there is nothing to
    /// report yet, and a file dated in the future would shadow the real one as "latest".
    /// </summary>
    private static async Task<Results<Ok<ReportBuildView>, ProblemHttpResult>> BuildAsync(
        string scope, string kind, string date, HttpContext http, ReportServices services, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(services.Time.GetUtcNow().UtcDateTime);
        if (!Parse(scope, kind, "json", out var reportKind, out _) || ParseDate(date) is not { } day || day > today)
        {
            return Problems.NotFound($"There is no '{kind}' report of '{date}' to build.");
        }

        var build = await services.Publisher.PublishAsync(scope, reportKind, day, http.Caller().UserId, "http", cancellationToken);
        return TypedResults.Ok(ReportBuildView.From(build));
    }

    private static bool Parse(string scope, string kind, string? format, out ReportKind reportKind, out ReportFileFormat reportFormat)
    {
        reportFormat = ReportFileFormat.Json;
        return ReportFiles.TryParseKind(kind, out reportKind)
            && ReportFiles.AppliesTo(reportKind, scope == LedgerEvent.OrgScope)
            && (format is null || ReportFiles.TryParseFormat(format, out reportFormat));
    }

    private static DateOnly? ParseDate(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
