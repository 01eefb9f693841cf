using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Tests.Reports.Html;

/// <summary>
/// Hand-written report records for the rendering tests: figures chosen so every chart has bars of different lengths
/// (and one zero), and names that are markup (<c>&lt;script&gt;</c>, quotes, ampersands) to prove they are escaped.
/// </summary>
internal static class SampleReports
{
    public const string ScriptName = "<script>alert('x')</script>";

    private static readonly DateOnly Day = new(2026, 11, 24);
    private static readonly ReportPeriod Period = new(Day, Day);
    private static readonly DateTimeOffset Generated = new(2026, 11, 25, 0, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset AsOf = Period.End;

    public static CredentialReport Credentials() => new(
        "p1", Day, Period, AsOf, Generated, 14,
        new CredentialTotals(Grants: 2, Revocations: 1, Expirations: 0, ActiveHolders: 3, ExpiringSoon: 3),
        [
            new CredentialTypeSummary("t1", "Boxes & \"polygons\"", 30, 2, 1, 0, 2,
                [
                    new CredentialHolder("ann-1", AsOf.AddDays(-25), AsOf.AddDays(5), GrantSource.ExamAttempt),
                    new CredentialHolder("ann-2", AsOf.AddDays(-20), AsOf.AddDays(10), GrantSource.Offline),
                ]),
            new CredentialTypeSummary("t2", ScriptName, null, 0, 0, 0, 1, [new CredentialHolder("ann-3", AsOf.AddDays(-100), null, GrantSource.Offline)]),
            new CredentialTypeSummary("t3", "Unused", 10, 0, 0, 0, 0, []),
        ],
        [
            new CredentialEventRow(AsOf.AddHours(-20), CredentialEventKind.Granted, "t1", "ann-1", "system", GrantSource.ExamAttempt, ExpiresAt: AsOf.AddDays(5)),
            new CredentialEventRow(AsOf.AddHours(-10), CredentialEventKind.Revoked, "t1", "ann-4", "admin-1", Reason: "left <team>"),
        ],
        [
            new ExpiringCredential("t1", "Boxes & \"polygons\"", "ann-1", AsOf.AddDays(5), new DateOnly(2026, 11, 30), 5),
            new ExpiringCredential("t1", "Boxes & \"polygons\"", "ann-5", AsOf.AddDays(6), new DateOnly(2026, 11, 30), 6),
            new ExpiringCredential("t1", "Boxes & \"polygons\"", "ann-2", AsOf.AddDays(10), new DateOnly(2026, 12, 7), 10),
        ],
        [new ExpiringWeek(new DateOnly(2026, 11, 23), 0), new ExpiringWeek(new DateOnly(2026, 11, 30), 2), new ExpiringWeek(new DateOnly(2026, 12, 7), 1)]);

    public static CredentialReport EmptyCredentials() => new(
        "org", Day, Period, AsOf, Generated, 14, new CredentialTotals(0, 0, 0, 0, 0), [], [], [],
        [new ExpiringWeek(new DateOnly(2026, 11, 23), 0), new ExpiringWeek(new DateOnly(2026, 11, 30), 0), new ExpiringWeek(new DateOnly(2026, 12, 7), 0)]);

    public static ExamReport Exams() => new(
        "p1", Day, Period, Generated, new ExamTotals(Started: 5, Finished: 5, Passed: 3, PassRate: 0.6),
        [
            new ExamSummary("e1", "Boxes exam", 80, 4, 4, 3, 1, 0.75, 81.25, 1.5, Buckets((5, 1), (8, 1), (9, 2)),
                [new ClassFeedback(ScriptName, 3, [new ReasonCount(FeedbackReason.LowOverlap, 2), new ReasonCount(FeedbackReason.Missing, 1)])],
                [
                    new ExamAnnotatorSummary("ann-1", 2, 92, 92, true, 2),
                    new ExamAnnotatorSummary("ann-2", 1, 95, 95, true, 1),
                    new ExamAnnotatorSummary("ann-3", 1, 55, 55, false, null),
                ]),
            new ExamSummary("e2", ScriptName, 90, 1, 1, 0, 1, 0, 40, null, Buckets((4, 1)), [], [new ExamAnnotatorSummary("ann-4", 1, 40, 40, false, null)]),
            new ExamSummary("e3", "Not taken", 70, 0, 0, 0, 0, null, null, null, Buckets(), [], []),
        ]);

    public static ExamReport EmptyExams() => new("p1", Day, Period, Generated, new ExamTotals(0, 0, 0, null), []);

    public static QualityReport Quality() => new(
        "p1", Day, Period, Generated,
        [
            new JobQuality("j1", "Street scenes", 6, new ReviewCounts(3, 1, 1, 1), 1.0 / 3, 2, 84.5,
                new TimeOnTask(6, 95, 130, 400), new PrelabelUse(10, 6, 3, 1, 0.6, 0.3), 1,
                [new SkippedAsset("asset-1", "ann-2", "blurred & <dark>", AsOf.AddHours(-3))],
                [
                    new AnnotatorQuality("ann-1", 3, 2, 90, 2, 1, 0.5, 80, 6, 4, 2, 0),
                    new AnnotatorQuality("ann-2", 2, 2, 72.5, 1, 0, 0, 150, 4, 2, 1, 1),
                    new AnnotatorQuality(ScriptName, 1, 0, null, 0, 0, null, 4000, 0, 0, 0, 0),
                ]),
            new JobQuality("j2", "Idle job", 0, new ReviewCounts(0, 0, 0, 0), null, 0, null,
                new TimeOnTask(0, null, null, null), new PrelabelUse(0, 0, 0, 0, null, null), 0, [], []),
        ]);

    public static QualityReport EmptyQuality() => new("p1", Day, Period, Generated, []);

    /// <summary>The ten score buckets of width 10 with the given (bucket index, count) filled in.</summary>
    private static ScoreBucket[] Buckets(params (int Index, int Count)[] filled) =>
        [.. Enumerable.Range(0, 10).Select(i => new ScoreBucket(i * 10, i * 10 + 10, filled.Where(f => f.Index == i).Sum(f => f.Count)))];
}
