using FuncLabel.Data.Catalog;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Reports;
using FuncLabel.Domain.Reports;
using FuncLabel.Functions.Invocation;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.Functions.Reports;

/// <summary>
/// What the three report timers share: each run builds the previous UTC day (the last complete one; a run at 02:00
/// reports on yesterday) for every project in the catalog, and — for credentials — organisation-wide too. Publishing
/// overwrites a date's files and records a <c>report.built</c> event by <c>system</c>, so a timer delivered twice, or
/// a past-due run after a restart, leaves one set of files.
/// </summary>
internal sealed class ReportTimer(CatalogStore catalog, ReportPublisher publisher, TimeProvider time)
{
    public const string Actor = "system";

    public async Task<InvocationOutcome> RunAsync(ReportKind kind, CancellationToken cancellationToken)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(-1);
        var built = 0;
        if (ReportFiles.AppliesTo(kind, organisation: true))
        {
            await publisher.PublishAsync(LedgerEvent.OrgScope, kind, day, Actor, "timer", cancellationToken);
            built++;
        }

        await foreach (var projectId in catalog.AllProjectIdsAsync(cancellationToken))
        {
            await publisher.PublishAsync(projectId, kind, day, Actor, "timer", cancellationToken);
            built++;
        }

        return InvocationOutcome.Done($"{ReportFiles.Name(kind)} report of {day:yyyy-MM-dd} built for {built} scope(s)");
    }
}

/// <summary>Timer (setting <c>Reports__CredentialReportSchedule</c>): the credential report, organisation-wide and per project.</summary>
internal sealed class CredentialReportFunction(ReportTimer timer, ILogger<CredentialReportFunction> logger) : ITimerFunction
{
    [Function("credentialReport")]
    public async Task Run([TimerTrigger("%" + ReportSchedules.Credentials + "%")] TimerInfo info, FunctionContext context, CancellationToken cancellationToken) =>
        (await RunAsync(TimerInvocation.From(context, info), cancellationToken)).LogTo(logger);

    public Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken) =>
        timer.RunAsync(ReportKind.Credentials, cancellationToken);
}

/// <summary>Timer (setting <c>Reports__ExamReportSchedule</c>): the exam report of every project.</summary>
internal sealed class ExamReportFunction(ReportTimer timer, ILogger<ExamReportFunction> logger) : ITimerFunction
{
    [Function("examReport")]
    public async Task Run([TimerTrigger("%" + ReportSchedules.Exams + "%")] TimerInfo info, FunctionContext context, CancellationToken cancellationToken) =>
        (await RunAsync(TimerInvocation.From(context, info), cancellationToken)).LogTo(logger);

    public Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken) =>
        timer.RunAsync(ReportKind.Exams, cancellationToken);
}

/// <summary>Timer (setting <c>Reports__QualityReportSchedule</c>): the quality report of every project.</summary>
internal sealed class QualityReportFunction(ReportTimer timer, ILogger<QualityReportFunction> logger) : ITimerFunction
{
    [Function("qualityReport")]
    public async Task Run([TimerTrigger("%" + ReportSchedules.Quality + "%")] TimerInfo info, FunctionContext context, CancellationToken cancellationToken) =>
        (await RunAsync(TimerInvocation.From(context, info), cancellationToken)).LogTo(logger);

    public Task<InvocationOutcome> RunAsync(TimerInvocation invocation, CancellationToken cancellationToken) =>
        timer.RunAsync(ReportKind.Quality, cancellationToken);
}
