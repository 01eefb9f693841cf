using System.Globalization;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Browser.Tests;

/// <summary>
/// A seeded, generated report day for the browser tests (2026-11-24, UTC), built into reports by the real builders.
/// Distributions (all from one <see cref="Random"/> with a fixed seed): 30 users with realistic long e-mail-style ids;
/// credentials of three types to 60% of them each, an eighth granted today, an eighth exactly one validity period (30
/// days) before a moment of today so they lapse today, the rest uniformly over the last 40 days (expiries spread over
/// the 14-day window); a sixth revoked today; 45 exam attempts over three exams, scores uniform in 20–100
/// rounded to 0.5, feedback reasons on a tenth to a third of the classes; two jobs with 60 assets, 2 passes each,
/// 20–600 s on task, reviews of every other pass (one in four rejected), agreement uniform in 45–100, a few skips.
/// Names include markup (<c>&lt;script&gt;</c>) to show escaping in the browser too.
/// </summary>
internal static class SeededLedger
{
    public const int Seed = 12;
    public static readonly DateOnly Day = new(2026, 11, 24);
    public static readonly ReportPeriod Period = ReportPeriod.Ending(Day, 1);
    public static readonly DateTimeOffset Generated = Period.End.AddMinutes(5);

    private static readonly string[] Users = [.. Enumerable.Range(1, 30).Select(i => $"annotator.{i:00}.with-a-long-directory-name@labeling-vendor.example")];

    public static CredentialReport Credentials()
    {
        var random = new Random(Seed);
        CredentialTypeInfo[] types = [new("boxes", "Bounding boxes, street scenes", 30), new("script", "<script>alert('x')</script>", 30), new("med", "Medical imaging & \"DICOM\"", 30)];
        var holders = new List<CredentialState>();
        var events = new List<ReportEvent>();
        foreach (var user in Users)
        {
            foreach (var type in types.Where(_ => random.NextDouble() < 0.6))
            {
                var issued = random.Next(8) switch
                {
                    0 => Period.Start.AddMinutes(random.Next(24 * 60)),
                    1 => Period.Start.AddDays(-type.ValidityDays!.Value).AddMinutes(random.Next(24 * 60)),
                    _ => Period.End.AddMinutes(-random.Next(1, 40 * 24 * 60)),
                };
                var expires = issued.AddDays(type.ValidityDays!.Value);
                DateTimeOffset? revoked = random.Next(6) == 0 ? Period.Start.AddMinutes(random.Next(24 * 60)) : null;
                holders.Add(new CredentialState(type.TypeId, user, issued, expires, revoked, random.Next(3) == 0 ? GrantSource.Offline : GrantSource.ExamAttempt));
                if (Period.Contains(issued))
                {
                    events.Add(Event($"credential:{user}:{type.TypeId}", issued, "credential.granted", "system",
                        ("userId", user), ("typeId", type.TypeId), ("source", "exam_attempt"), ("expiresAt", expires.ToString("O", CultureInfo.InvariantCulture))));
                }

                if (revoked is { } at)
                {
                    events.Add(Event($"credential:{user}:{type.TypeId}", at, "credential.revoked", "admin@labeling-vendor.example",
                        ("userId", user), ("typeId", type.TypeId), ("reason", "left the <team>")));
                }
            }
        }

        return CredentialReportBuilder.Build("org", Period, Generated, types, holders, events, members: null);
    }

    public static ExamReport Exams()
    {
        var random = new Random(Seed);
        ExamInfo[] exams = [new("e1", "Street scenes: boxes and polygons, level 1", 80), new("e2", "<script>alert('exam')</script>", 70), new("e3", "Medical segmentation", 90)];
        string[] classes = ["car", "pedestrian", "traffic-light", "<b>bold</b>"];
        var events = new List<ReportEvent>();
        var attemptsSoFar = new Dictionary<(string, string), int>();
        for (var i = 0; i < 45; i++)
        {
            var exam = exams[random.Next(exams.Length)];
            var user = Users[random.Next(12)];
            var number = attemptsSoFar[(exam.ExamId, user)] = attemptsSoFar.GetValueOrDefault((exam.ExamId, user)) + 1;
            var started = Period.Start.AddMinutes(random.Next(0, 22 * 60));
            var score = Math.Round((20 + random.NextDouble() * 80) * 2) / 2;
            var common = new (string, string)[] { ("userId", user), ("examId", exam.ExamId), ("number", number.ToString(CultureInfo.InvariantCulture)) };
            var attempt = $"attempt:{exam.ExamId}-{i:00}";
            events.Add(Event(attempt, started, "attempt.started", user, common));
            var feedback = classes.Where(_ => random.NextDouble() < 0.3)
                .SelectMany(c => Enumerable.Range(0, random.Next(1, 4)).Select(_ => (c, (FeedbackReason)random.Next(5))));
            events.Add(Event(attempt, started.AddMinutes(random.Next(5, 90)), "attempt.finished", user,
                [.. common, ("score", score.ToString(CultureInfo.InvariantCulture)), ("passed", score >= exam.PassMark ? "true" : "false"),
                    .. ReportDetails.Feedback(feedback).Select(kv => (kv.Key, kv.Value))]));
        }

        return ExamReportBuilder.Build("p1", Period, Generated, exams, events);
    }

    public static QualityReport Quality()
    {
        var random = new Random(Seed);
        JobInfo[] jobs = [new("j1", "Street scenes, November batch"), new("j2", "<script>alert('job')</script>")];
        var events = new List<ReportEvent>();
        foreach (var job in jobs)
        {
            for (var asset = 0; asset < 60; asset++)
            {
                var resource = $"work:{job.JobId}:asset-{asset:000}";
                var at = Period.Start.AddMinutes(random.Next(0, 20 * 60));
                if (random.Next(20) == 0)
                {
                    events.Add(Event(resource, at, "task.skipped", Users[random.Next(10)], ("pass", "1"), ("kind", "draw"), ("reason", "blurred & <dark>")));
                    continue;
                }

                var drawers = Users.Take(10).OrderBy(_ => random.Next()).Take(2).ToArray();
                var consensus = new List<(string, string)> { ("agreement", "0") };
                var agreements = new List<double>();
                for (var pass = 1; pass <= 2; pass++)
                {
                    var drawer = drawers[pass - 1];
                    var offered = random.Next(0, 6);
                    var unchanged = random.Next(0, offered + 1);
                    var edited = random.Next(0, offered - unchanged + 1);
                    events.Add(Event(resource, at.AddMinutes(pass), "task.submitted", drawer, ("pass", P(pass)), ("kind", "draw"),
                        (ReportDetails.SecondsOnTask, P(random.Next(20, 600))), (ReportDetails.PrelabelsOffered, P(offered)),
                        (ReportDetails.PrelabelsUnchanged, P(unchanged)), (ReportDetails.PrelabelsEdited, P(edited))));
                    if (pass == 2)
                    {
                        var outcome = random.Next(4) switch { 0 => "reject", 1 => "approve_with_edits", _ => "approve" };
                        events.Add(Event(resource, at.AddMinutes(10), "task.reviewed", Users[20 + random.Next(5)], ("pass", P(pass)), ("kind", "review"), ("outcome", outcome), (ReportDetails.Drawer, drawer)));
                    }

                    var agreement = Math.Round(45 + random.NextDouble() * 55, 2);
                    agreements.Add(agreement);
                    consensus.Add((ReportDetails.PassDrawerKey(pass), drawer));
                    consensus.Add((ReportDetails.PassAgreementKey(pass), ReportDetails.Number(agreement)));
                }

                consensus[0] = ("agreement", ReportDetails.Number(agreements.Average()));
                events.Add(Event(resource, at.AddMinutes(30), "work.consensus", "system", [.. consensus]));
            }
        }

        return QualityReportBuilder.Build("p1", Period, Generated, jobs, events);
    }

    private static string P(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static ReportEvent Event(string resource, DateTimeOffset at, string action, string actor, params (string Key, string Value)[] details) =>
        new(resource, action, actor, at, details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
