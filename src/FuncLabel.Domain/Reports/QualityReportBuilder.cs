namespace FuncLabel.Domain.Reports;

/// <summary>A job as the project holds it.</summary>
public sealed record JobInfo(string JobId, string Name);

/// <summary>
/// Builds a <see cref="QualityReport"/> from a project's ledger days. Work events have the resource
/// <c>work:{jobId}:{assetId}</c>; the builder reads <c>task.submitted</c> (actor = drawer; <c>secondsOnTask</c>),
/// pre-label counts from whichever event carries them (the fan-out's, with <c>drawer</c>; older ledgers have them on
/// <c>task.submitted</c>), <c>task.reviewed</c> (<c>outcome</c>, <c>drawer</c>), <c>task.skipped</c> (actor, <c>reason</c>)
/// and <c>work.consensus</c> (<c>agreement</c>, <c>pass.{n}.drawer</c>, <c>pass.{n}.agreement</c>). Agreement figures
/// are on the scorer's 0–100 scale.
/// </summary>
public static class QualityReportBuilder
{
    public static QualityReport Build(string scope, ReportPeriod period, DateTimeOffset generatedAt, IEnumerable<JobInfo> jobs, IEnumerable<ReportEvent> events)
    {
        var work = events
            .Where(e => period.Contains(e.At) && e.ResourcePart(0) == "work" && e.ResourcePart(1) is not null && e.ResourcePart(2) is not null)
            .OrderBy(e => e.At)
            .ToList();
        var known = jobs.GroupBy(j => j.JobId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var jobId in work.Select(e => e.ResourcePart(1)!).Where(id => !known.ContainsKey(id)).ToList())
        {
            known[jobId] = new JobInfo(jobId, jobId);
        }

        var result = known.Values.OrderBy(j => j.JobId, StringComparer.Ordinal)
            .Select(j => ForJob(j, [.. work.Where(e => e.ResourcePart(1) == j.JobId)]))
            .ToList();
        return new QualityReport(scope, period.To, period, generatedAt, result);
    }

    private static JobQuality ForJob(JobInfo job, List<ReportEvent> events)
    {
        var submits = events.Where(e => e.Action == "task.submitted").ToList();
        var reviews = events.Where(e => e.Action == "task.reviewed").ToList();
        var skips = events.Where(e => e.Action == "task.skipped").ToList();
        var consensus = events.Where(e => e.Action == "work.consensus").ToList();
        var passes = consensus.SelectMany(PassesOf).ToList();

        var counts = Reviews(reviews);
        var seconds = submits.Select(e => e.Number(ReportDetails.SecondsOnTask)).OfType<double>().ToList();
        var prelabelUse = events.Where(e => e.Number(ReportDetails.PrelabelsOffered) is not null).ToList();
        var offered = Sum(prelabelUse, ReportDetails.PrelabelsOffered);
        var unchanged = Sum(prelabelUse, ReportDetails.PrelabelsUnchanged);
        var edited = Sum(prelabelUse, ReportDetails.PrelabelsEdited);
        var skipped = skips.GroupBy(e => e.ResourcePart(2)!, StringComparer.Ordinal)
            .Select(g => g.First())
            .Select(e => new SkippedAsset(e.ResourcePart(2)!, e.Actor, e.Text("reason") ?? "", e.At))
            .ToList();

        var users = submits.Select(e => e.Actor)
            .Concat(reviews.Select(e => e.Text(ReportDetails.Drawer)).OfType<string>())
            .Concat(passes.Select(p => p.Drawer))
            .Concat(skips.Select(e => e.Actor))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);
        var annotators = users.Select(user =>
        {
            var mine = submits.Where(e => e.Actor == user).ToList();
            var myPrelabelUse = prelabelUse.Where(e => (e.Text(ReportDetails.Drawer) ?? e.Actor) == user).ToList();
            var received = reviews.Where(e => e.Text(ReportDetails.Drawer) == user).ToList();
            var rejected = received.Count(e => e.Text("outcome") == "reject");
            var agreements = passes.Where(p => p.Drawer == user).Select(p => p.Agreement).ToList();
            return new AnnotatorQuality(
                user,
                mine.Count,
                agreements.Count,
                Statistics.Mean(agreements),
                received.Count,
                rejected,
                Statistics.Share(rejected, received.Count),
                Statistics.Median(mine.Select(e => e.Number(ReportDetails.SecondsOnTask)).OfType<double>()),
                Sum(myPrelabelUse, ReportDetails.PrelabelsOffered),
                Sum(myPrelabelUse, ReportDetails.PrelabelsUnchanged),
                Sum(myPrelabelUse, ReportDetails.PrelabelsEdited),
                skips.Count(e => e.Actor == user));
        }).ToList();

        return new JobQuality(
            job.JobId,
            job.Name,
            submits.Count,
            counts,
            Statistics.Share(counts.Rejected, counts.Total),
            consensus.Count,
            Statistics.Mean(consensus.Select(e => e.Number("agreement")).OfType<double>()),
            new TimeOnTask(seconds.Count, Statistics.Median(seconds), Statistics.Mean(seconds), seconds.Count == 0 ? null : seconds.Max()),
            new PrelabelUse(offered, unchanged, edited, offered - unchanged - edited, Statistics.Share(unchanged, offered), Statistics.Share(edited, offered)),
            skips.Count,
            skipped,
            annotators);
    }

    private static ReviewCounts Reviews(List<ReportEvent> reviews)
    {
        var approved = reviews.Count(e => e.Text("outcome") == "approve");
        var withEdits = reviews.Count(e => e.Text("outcome") == "approve_with_edits");
        var rejected = reviews.Count(e => e.Text("outcome") == "reject");
        return new ReviewCounts(reviews.Count, approved, withEdits, rejected);
    }

    /// <summary>The (drawer, agreement) pairs a <c>work.consensus</c> event recorded, one per pass with both keys.</summary>
    private static IEnumerable<(string Drawer, double Agreement)> PassesOf(ReportEvent consensus)
    {
        foreach (var key in consensus.Details.Keys.Where(k => k.StartsWith(ReportDetails.PassPrefix, StringComparison.Ordinal) && k.EndsWith(".drawer", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var agreementKey = key[..^".drawer".Length] + ".agreement";
            if (consensus.Text(key) is { } drawer && consensus.Number(agreementKey) is { } agreement)
            {
                yield return (drawer, agreement);
            }
        }
    }

    private static int Sum(IEnumerable<ReportEvent> events, string key) => events.Sum(e => e.Integer(key) ?? 0);
}
