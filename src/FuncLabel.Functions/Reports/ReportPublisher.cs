using System.Text.Json;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Reports;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Reports.Html;
using FuncLabel.Domain.Serialization;

namespace FuncLabel.Functions.Reports;

/// <summary>
/// Builds one report date and publishes it: reads the inputs (<see cref="ReportInputs"/>), runs the pure builder,
/// writes <c>{kind}.json</c>, <c>{kind}.csv</c> and <c>{kind}.html</c> (overwriting an earlier build of the same date)
/// and records the build (<see cref="ReportBuildStore"/>, ledger <c>report.built</c>). The files are written before
/// the record, so a crash in between leaves correct files and no record; the next build (the timer's, or a rebuild)
/// writes both again.
/// </summary>
internal sealed class ReportPublisher(ReportInputs inputs, ReportBlobStore files, ReportBuildStore builds, ReportOptions options, TimeProvider time)
{
    public async Task<ReportBuildDocument> PublishAsync(string scope, ReportKind kind, DateOnly day, string actor, string trigger, CancellationToken cancellationToken)
    {
        if (!ReportFiles.AppliesTo(kind, scope == LedgerEvent.OrgScope))
        {
            throw new ArgumentException($"The {ReportFiles.Name(kind)} report has no organisation-wide form.", nameof(kind));
        }

        var now = time.GetUtcNow();
        var period = ReportPeriod.Ending(day, Math.Clamp(options.PeriodDays, 1, ReportOptions.MaxPeriodDays));
        var (json, csv, html) = await RenderAsync(scope, kind, period, now, cancellationToken).ConfigureAwait(false);
        await files.WriteAsync(scope, day, kind, ReportFileFormat.Json, json, cancellationToken).ConfigureAwait(false);
        await files.WriteAsync(scope, day, kind, ReportFileFormat.Csv, BinaryData.FromString(csv), cancellationToken).ConfigureAwait(false);
        await files.WriteAsync(scope, day, kind, ReportFileFormat.Html, BinaryData.FromString(html), cancellationToken).ConfigureAwait(false);
        return await builds.RecordAsync(scope, kind, day, trigger, new ChangeContext(actor, now, scope), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(BinaryData Json, string Csv, string Html)> RenderAsync(string scope, ReportKind kind, ReportPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ReportKind.Credentials:
            {
                var types = await inputs.CredentialTypesAsync(cancellationToken).ConfigureAwait(false);
                var holders = await inputs.HoldersAsync(types, cancellationToken).ConfigureAwait(false);
                var events = await inputs.EventsAsync(LedgerEvent.OrgScope, period, cancellationToken).ConfigureAwait(false);
                var members = scope == LedgerEvent.OrgScope ? null : await inputs.MembersAsync(scope, cancellationToken).ConfigureAwait(false);
                var report = CredentialReportBuilder.Build(scope, period, now, types, holders, events, members, options.ExpiringWithinDays);
                return (Json(report), ReportCsv.Of(report), ReportHtml.Render(report));
            }

            case ReportKind.Exams:
            {
                var exams = await inputs.ExamsAsync(scope, cancellationToken).ConfigureAwait(false);
                var events = await inputs.EventsAsync(scope, period, cancellationToken).ConfigureAwait(false);
                var report = ExamReportBuilder.Build(scope, period, now, exams, events);
                return (Json(report), ReportCsv.Of(report), ReportHtml.Render(report));
            }

            default:
            {
                var jobs = await inputs.JobsAsync(scope, cancellationToken).ConfigureAwait(false);
                var events = await inputs.EventsAsync(scope, period, cancellationToken).ConfigureAwait(false);
                var report = QualityReportBuilder.Build(scope, period, now, jobs, events);
                return (Json(report), ReportCsv.Of(report), ReportHtml.Render(report));
            }
        }
    }

    private static BinaryData Json<T>(T report) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(report, FuncLabelJson.Options));
}
