using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Training;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Functions.Reports;

/// <summary>
/// Reads what the report builders need, every read single-partition: one ledger partition per day of the period
/// (<c>{scope}:{yyyy-MM-dd}</c>), the credential types (<c>credential-types</c>) and each type's holders
/// (<c>holders:{typeId}</c>) from the catalog, and the project's members, exams and jobs from its own partition.
/// </summary>
internal sealed class ReportInputs(LedgerStore ledger, CredentialStore credentials, ProjectStore projects, TrainingStore training, JobStore jobs)
{
    private const int PageSize = 200;

    /// <summary>The scope's ledger events of every day of the period, oldest day first.</summary>
    public async Task<List<ReportEvent>> EventsAsync(string scope, ReportPeriod period, CancellationToken cancellationToken)
    {
        var events = new List<ReportEvent>();
        foreach (var day in period.Days())
        {
            await foreach (var e in ledger.DayAsync(scope, day, cancellationToken).ConfigureAwait(false))
            {
                events.Add(new ReportEvent(e.Resource, e.Action, e.Actor, e.At, e.Details));
            }
        }

        return events;
    }

    public async Task<List<CredentialTypeInfo>> CredentialTypesAsync(CancellationToken cancellationToken)
    {
        var types = new List<CredentialTypeInfo>();
        string? token = null;
        do
        {
            var page = await credentials.ListTypesAsync(PageSize, token, cancellationToken).ConfigureAwait(false);
            types.AddRange(page.Items.Select(t => new CredentialTypeInfo(t.TypeId, t.Name, t.ValidityDays)));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return types;
    }

    /// <summary>The current credential of every (type, user) in the holder index; entries without an issue time are skipped.</summary>
    public async Task<List<CredentialState>> HoldersAsync(IEnumerable<CredentialTypeInfo> types, CancellationToken cancellationToken)
    {
        var states = new List<CredentialState>();
        foreach (var type in types)
        {
            string? token = null;
            do
            {
                var page = await credentials.ListHoldersAsync(type.TypeId, PageSize, token, cancellationToken).ConfigureAwait(false);
                states.AddRange(page.Items
                    .Where(h => h.IssuedAt is not null && !h.Deleted)
                    .Select(h => new CredentialState(
                        h.TypeId, h.UserId, h.IssuedAt!.Value, h.ExpiresAt, h.RevokedAt, h.SourceKind == CredentialSourceKind.Offline ? GrantSource.Offline : GrantSource.ExamAttempt)));
                token = page.ContinuationToken;
            }
            while (token is not null);
        }

        return states;
    }

    /// <summary>The project's current members (removed members left out).</summary>
    public async Task<HashSet<string>> MembersAsync(string projectId, CancellationToken cancellationToken)
    {
        var members = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var member in projects.AllMembersAsync(projectId, cancellationToken).ConfigureAwait(false))
        {
            if (member.IsActive)
            {
                members.Add(member.UserId);
            }
        }

        return members;
    }

    public async Task<List<ExamInfo>> ExamsAsync(string projectId, CancellationToken cancellationToken)
    {
        var exams = new List<ExamInfo>();
        string? token = null;
        do
        {
            var page = await training.ListExamsAsync(projectId, PageSize, token, cancellationToken).ConfigureAwait(false);
            exams.AddRange(page.Items.Select(e => new ExamInfo(e.ExamId, e.Name, e.PassMark)));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return exams;
    }

    public async Task<List<JobInfo>> JobsAsync(string projectId, CancellationToken cancellationToken)
    {
        var result = new List<JobInfo>();
        string? token = null;
        do
        {
            var page = await jobs.ListAsync(projectId, PageSize, token, cancellationToken).ConfigureAwait(false);
            result.AddRange(page.Items.Select(j => new JobInfo(j.JobId, j.Name)));
            token = page.ContinuationToken;
        }
        while (token is not null);
        return result;
    }
}
