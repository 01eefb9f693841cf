using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Scoring;
using static FuncLabel.Domain.Tests.Reports.LedgerSeed;

namespace FuncLabel.Domain.Tests.Reports;

public sealed class ExamReportBuilderTests
{
    private static readonly ExamInfo[] Exams = [new("e1", "Boxes exam", 80), new("e2", "Unused", 70)];

    private static ReportEvent Started(string at, string user, string exam, int number) =>
        Event(at, $"attempt:{user}-{number}", "attempt.started", user, ("userId", user), ("examId", exam), ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private static ReportEvent Finished(string at, string user, string exam, int number, string score, bool passed, params (string, string)[] feedback) =>
        Event(at, $"attempt:{user}-{number}", "attempt.finished", user,
            [("userId", user), ("examId", exam), ("number", number.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("score", score), ("passed", passed ? "true" : "false"), ("granted", ""), .. feedback]);

    private static readonly ReportEvent[] Events =
    [
        Started("2026-03-10T08:00", "alice", "e1", 1),
        Finished("2026-03-10T08:30", "alice", "e1", 1, "55", false, ("feedback.car", "missing=2,low_overlap=1")),
        Started("2026-03-10T09:00", "alice", "e1", 2),
        Event("2026-03-10T09:10", "attempt:alice-2", "attempt.answered", "alice", ("userId", "alice"), ("examId", "e1"), ("itemId", "i1")),
        Finished("2026-03-10T09:30", "alice", "e1", 2, "85", true, ("feedback.car", "low_overlap=1")),
        Finished("2026-03-10T10:00", "bob", "e1", 3, "100", true),
        Finished("2026-03-10T11:00", "carol", "e1", 1, "90", true, ("feedback.person", "extra=1"), ("feedback.car", "missing=1")),
        Started("2026-03-10T12:00", "dave", "e1", 1),
        Finished("2026-03-09T23:59", "eve", "e1", 1, "9.5", false, ("feedback.car", "missing=3")),
        Finished("2026-03-10T13:00", "frank", "e3", 1, "70", false),
    ];

    [Fact]
    public void Build_SeededDay_CountsEveryFigure()
    {
        var report = ExamReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, Exams, Events);

        Assert.Equal(new ExamTotals(Started: 3, Finished: 5, Passed: 3, PassRate: 0.6), report.Totals);
        Assert.Equal(["e1", "e2", "e3"], report.Exams.Select(e => e.ExamId));

        var e1 = report.Exams[0];
        Assert.Equal(("Boxes exam", 80.0, 3, 4, 3, 1), (e1.Name, e1.PassMark, e1.Started, e1.Finished, e1.Passed, e1.Failed));
        Assert.Equal(0.75, e1.PassRate);
        Assert.Equal(82.5, e1.MeanScore);
        Assert.Equal(2.0, e1.MedianAttemptsToPass);
        Assert.Equal([0, 0, 0, 0, 0, 1, 0, 0, 1, 2], e1.ScoreHistogram.Select(b => b.Count));
        Assert.Equal([(0.0, 10.0), (90.0, 100.0)], new[] { e1.ScoreHistogram[0], e1.ScoreHistogram[9] }.Select(b => (b.From, b.To)));
        Assert.Collection(
            e1.FeedbackByClass,
            car =>
            {
                Assert.Equal(("car", 5), (car.ClassId, car.Total));
                Assert.Equal([new ReasonCount(FeedbackReason.Missing, 3), new ReasonCount(FeedbackReason.LowOverlap, 2)], car.Reasons);
            },
            person =>
            {
                Assert.Equal(("person", 1), (person.ClassId, person.Total));
                Assert.Equal([new ReasonCount(FeedbackReason.Extra, 1)], person.Reasons);
            });
        Assert.Equal(
            [
                new ExamAnnotatorSummary("alice", 2, 85, 85, true, 2),
                new ExamAnnotatorSummary("bob", 1, 100, 100, true, 3),
                new ExamAnnotatorSummary("carol", 1, 90, 90, true, 1),
            ],
            e1.Annotators);

        var e2 = report.Exams[1];
        Assert.Equal(("Unused", 0, 0, 0, 0), (e2.Name, e2.Started, e2.Finished, e2.Passed, e2.Failed));
        Assert.Null(e2.PassRate);
        Assert.Null(e2.MeanScore);
        Assert.Null(e2.MedianAttemptsToPass);
        Assert.All(e2.ScoreHistogram, b => Assert.Equal(0, b.Count));
        Assert.Empty(e2.FeedbackByClass);
        Assert.Empty(e2.Annotators);

        var e3 = report.Exams[2];
        Assert.Equal(("e3", 0, 1, 0, 1), (e3.Name, e3.Started, e3.Finished, e3.Passed, e3.Failed));
        Assert.Equal(0.0, e3.PassRate);
        Assert.Equal(70.0, e3.MeanScore);
        Assert.Null(e3.MedianAttemptsToPass);
        Assert.Equal(1, e3.ScoreHistogram[7].Count);
        Assert.Equal([new ExamAnnotatorSummary("frank", 1, 70, 70, false, null)], e3.Annotators);
    }

    [Fact]
    public void Build_EmptyDay_ListsExamsWithZeros()
    {
        var report = ExamReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, Exams, []);

        Assert.Equal(new ExamTotals(0, 0, 0, null), report.Totals);
        Assert.Equal(["e1", "e2"], report.Exams.Select(e => e.ExamId));
        Assert.All(report.Exams, e => Assert.Equal((0, 0, (double?)null), (e.Started, e.Finished, e.PassRate)));
        Assert.All(report.Exams, e => Assert.Equal(10, e.ScoreHistogram.Count));
    }

    [Fact]
    public void Build_MedianAttemptsToPass_EvenCountIsMeanOfMiddleTwo()
    {
        var report = ExamReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, Exams,
            [Finished("2026-03-10T08:00", "a", "e1", 1, "80", true), Finished("2026-03-10T09:00", "b", "e1", 2, "81", true)]);

        Assert.Equal(1.5, report.Exams[0].MedianAttemptsToPass);
        Assert.Equal(2, report.Exams[0].ScoreHistogram[8].Count);
    }
}
