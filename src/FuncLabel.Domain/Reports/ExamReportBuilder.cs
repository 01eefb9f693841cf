using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Reports;

/// <summary>An exam as the project holds it.</summary>
public sealed record ExamInfo(string ExamId, string Name, double PassMark);

/// <summary>
/// Builds an <see cref="ExamReport"/> from a project's ledger days: <c>attempt.started</c> events count as started,
/// <c>attempt.finished</c> events (details <c>userId</c>, <c>examId</c>, <c>number</c>, <c>score</c>, <c>passed</c>,
/// <c>feedback.{classId}</c>) as finished attempts. Only events whose time lies in the period count; an attempt started
/// on one day and finished on the next counts as started on the first and finished on the second.
/// </summary>
public static class ExamReportBuilder
{
    /// <summary>Histogram bucket width; ten buckets cover 0–100, the last one closed so a perfect score has a bucket.</summary>
    public const int BucketWidth = 10;

    public static ExamReport Build(string scope, ReportPeriod period, DateTimeOffset generatedAt, IEnumerable<ExamInfo> exams, IEnumerable<ReportEvent> events)
    {
        var inPeriod = events.Where(e => period.Contains(e.At) && e.Text("examId") is not null).ToList();
        var started = inPeriod.Where(e => e.Action == "attempt.started").ToList();
        var finished = inPeriod
            .Where(e => e.Action == "attempt.finished" && e.Text("userId") is not null && e.Number("score") is not null)
            .Select(e => new Finished(e.Text("examId")!, e.Text("userId")!, e.Integer("number") ?? 0, e.Number("score")!.Value, e.Text("passed") == "true", e.At, e))
            .ToList();

        var known = exams.GroupBy(x => x.ExamId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var examId in started.Select(e => e.Text("examId")!).Concat(finished.Select(f => f.ExamId)).Where(id => !known.ContainsKey(id)).ToList())
        {
            known[examId] = new ExamInfo(examId, examId, 0);
        }

        var summaries = known.Values.OrderBy(x => x.ExamId, StringComparer.Ordinal)
            .Select(x => Summarise(x, started.Count(e => e.Text("examId") == x.ExamId), [.. finished.Where(f => f.ExamId == x.ExamId)]))
            .ToList();
        var passed = finished.Count(f => f.Passed);
        return new ExamReport(
            scope, period.To, period, generatedAt, new ExamTotals(started.Count, finished.Count, passed, Statistics.Share(passed, finished.Count)), summaries);
    }

    private static ExamSummary Summarise(ExamInfo exam, int started, List<Finished> finished)
    {
        var passed = finished.Count(f => f.Passed);
        var buckets = new int[100 / BucketWidth];
        foreach (var f in finished)
        {
            buckets[Math.Clamp((int)Math.Floor(f.Score / BucketWidth), 0, buckets.Length - 1)]++;
        }

        var histogram = buckets.Select((count, i) => new ScoreBucket(i * BucketWidth, (i + 1) * BucketWidth, count)).ToList();
        var annotators = finished.GroupBy(f => f.UserId, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var ordered = g.OrderBy(f => f.At).ThenBy(f => f.Number).ToList();
            var firstPass = ordered.Where(f => f.Passed).Select(f => (int?)f.Number).Min();
            return new ExamAnnotatorSummary(g.Key, ordered.Count, ordered.Max(f => f.Score), ordered[^1].Score, firstPass is not null, firstPass);
        }).ToList();

        return new ExamSummary(
            exam.ExamId,
            exam.Name,
            exam.PassMark,
            started,
            finished.Count,
            passed,
            finished.Count - passed,
            Statistics.Share(passed, finished.Count),
            Statistics.Mean(finished.Select(f => f.Score)),
            Statistics.Median(finished.Where(f => f.Passed).Select(f => (double)f.Number)),
            histogram,
            Feedback(finished),
            annotators);
    }

    /// <summary>Sums the per-class reason counts of the finished attempts; reasons most frequent first, ties in enum order.</summary>
    private static List<ClassFeedback> Feedback(List<Finished> finished)
    {
        var counts = new SortedDictionary<string, Dictionary<FeedbackReason, int>>(StringComparer.Ordinal);
        foreach (var f in finished)
        {
            foreach (var (key, value) in f.Event.Details)
            {
                if (!key.StartsWith(ReportDetails.FeedbackPrefix, StringComparison.Ordinal) || key.Length == ReportDetails.FeedbackPrefix.Length)
                {
                    continue;
                }

                var classId = key[ReportDetails.FeedbackPrefix.Length..];
                if (!counts.TryGetValue(classId, out var reasons))
                {
                    counts[classId] = reasons = [];
                }

                foreach (var (reason, count) in ReportDetails.ReadFeedback(value))
                {
                    reasons[reason] = reasons.GetValueOrDefault(reason) + count;
                }
            }
        }

        return [.. counts.Where(c => c.Value.Count > 0).Select(c => new ClassFeedback(
            c.Key,
            c.Value.Values.Sum(),
            [.. c.Value.OrderByDescending(r => r.Value).ThenBy(r => r.Key).Select(r => new ReasonCount(r.Key, r.Value))]))];
    }

    private sealed record Finished(string ExamId, string UserId, int Number, double Score, bool Passed, DateTimeOffset At, ReportEvent Event);
}
