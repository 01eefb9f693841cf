using FuncLabel.Domain.Reports;
using static FuncLabel.Domain.Tests.Reports.LedgerSeed;

namespace FuncLabel.Domain.Tests.Reports;

public sealed class QualityReportBuilderTests
{
    private static readonly JobInfo[] Jobs = [new("j1", "Cars"), new("j2", "Idle")];

    private static readonly ReportEvent[] Events =
    [
        Event("2026-03-10T07:00", "work:j1:a1", "task.claimed", "alice", ("pass", "1"), ("kind", "draw")),
        Event("2026-03-10T08:00", "work:j1:a1", "task.submitted", "alice", ("pass", "1"), ("kind", "draw"),
            ("secondsOnTask", "120"), ("prelabelsOffered", "4"), ("prelabelsUnchanged", "2"), ("prelabelsEdited", "1")),
        Event("2026-03-10T08:10", "work:j1:a1", "task.submitted", "bob", ("pass", "2"), ("kind", "draw"),
            ("secondsOnTask", "300"), ("prelabelsOffered", "4"), ("prelabelsUnchanged", "4"), ("prelabelsEdited", "0")),
        Event("2026-03-10T08:20", "work:j1:a2", "task.submitted", "alice", ("pass", "1"), ("kind", "draw"), ("secondsOnTask", "60")),
        Event("2026-03-10T09:00", "work:j1:a1", "task.reviewed", "carol", ("pass", "1"), ("kind", "review"), ("outcome", "reject"), ("drawer", "alice")),
        Event("2026-03-10T09:05", "work:j1:a1", "task.reviewed", "carol", ("pass", "2"), ("kind", "review"), ("outcome", "approve"), ("drawer", "bob")),
        Event("2026-03-10T09:10", "work:j1:a2", "task.reviewed", "dave", ("pass", "1"), ("kind", "review"), ("outcome", "approve_with_edits"), ("drawer", "alice")),
        Event("2026-03-10T09:20", "work:j1:a3", "task.skipped", "bob", ("pass", "1"), ("kind", "draw"), ("reason", "blurry")),
        Event("2026-03-10T09:25", "work:j1:a3", "task.skipped", "alice", ("pass", "2"), ("kind", "draw"), ("reason", "too dark")),
        Event("2026-03-10T09:30", "work:j1:a4", "task.skipped", "bob", ("pass", "1"), ("kind", "draw"), ("reason", "empty")),
        Event("2026-03-10T10:00", "work:j1:a1", "work.consensus", "system", ("agreement", "80"), ("instances", "3"),
            ("pass.1.drawer", "alice"), ("pass.1.agreement", "70"), ("pass.2.drawer", "bob"), ("pass.2.agreement", "90")),
        Event("2026-03-10T10:05", "work:j1:a2", "work.consensus", "system", ("agreement", "60"), ("instances", "1"),
            ("pass.1.drawer", "alice"), ("pass.1.agreement", "50"), ("pass.2.drawer", "erin"), ("pass.2.agreement", "100")),
        Event("2026-03-11T00:00", "work:j1:a9", "task.submitted", "alice", ("pass", "1"), ("kind", "draw"), ("secondsOnTask", "999")),
        Event("2026-03-10T11:00", "work:j9:a1", "task.submitted", "zed", ("pass", "1"), ("kind", "draw"), ("secondsOnTask", "30")),
        Event("2026-03-10T11:30", "job:proj-a:j1", "job.updated", "owner"),
    ];

    [Fact]
    public void Build_SeededDay_CountsEveryFigure()
    {
        var report = QualityReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, Jobs, Events);

        Assert.Equal(["j1", "j2", "j9"], report.Jobs.Select(j => j.JobId));
        var j1 = report.Jobs[0];
        Assert.Equal(("Cars", 3), (j1.Name, j1.Submissions));
        Assert.Equal(new ReviewCounts(Total: 3, Approved: 1, ApprovedWithEdits: 1, Rejected: 1), j1.Reviews);
        Assert.Equal(1.0 / 3, j1.ReviewRejectRate);
        Assert.Equal((2, 70.0), (j1.ConsensusAssets, j1.MeanAgreement!.Value));
        Assert.Equal(new TimeOnTask(Count: 3, MedianSeconds: 120, MeanSeconds: 160, MaxSeconds: 300), j1.TimeOnTask);
        Assert.Equal(new PrelabelUse(Offered: 8, Unchanged: 6, Edited: 1, Deleted: 1, UnchangedShare: 0.75, EditedShare: 0.125), j1.Prelabels);
        Assert.Equal(3, j1.Skips);
        Assert.Equal(
            [new SkippedAsset("a3", "bob", "blurry", At("2026-03-10T09:20")), new SkippedAsset("a4", "bob", "empty", At("2026-03-10T09:30"))],
            j1.SkippedAssets);
        Assert.Equal(
            [
                new AnnotatorQuality("alice", Submissions: 2, PassesInConsensus: 2, MeanAgreement: 60, ReviewsReceived: 2, RejectsReceived: 1, RejectRate: 0.5,
                    MedianSecondsOnTask: 90, PrelabelsOffered: 4, PrelabelsUnchanged: 2, PrelabelsEdited: 1, Skips: 1),
                new AnnotatorQuality("bob", 1, 1, 90, 1, 0, 0, 300, 4, 4, 0, 2),
                new AnnotatorQuality("erin", 0, 1, 100, 0, 0, null, null, 0, 0, 0, 0),
            ],
            j1.Annotators);

        var j2 = report.Jobs[1];
        Assert.Equal(("Idle", 0, 0, 0), (j2.Name, j2.Submissions, j2.ConsensusAssets, j2.Skips));
        Assert.Equal(new ReviewCounts(0, 0, 0, 0), j2.Reviews);
        Assert.Null(j2.ReviewRejectRate);
        Assert.Null(j2.MeanAgreement);
        Assert.Equal(new TimeOnTask(0, null, null, null), j2.TimeOnTask);
        Assert.Equal(new PrelabelUse(0, 0, 0, 0, null, null), j2.Prelabels);
        Assert.Empty(j2.SkippedAssets);
        Assert.Empty(j2.Annotators);

        var j9 = report.Jobs[2];
        Assert.Equal(("j9", 1), (j9.Name, j9.Submissions));
        Assert.Equal(new TimeOnTask(1, 30, 30, 30), j9.TimeOnTask);
        Assert.Equal([new AnnotatorQuality("zed", 1, 0, null, 0, 0, null, 30, 0, 0, 0, 0)], j9.Annotators);
    }

    [Fact]
    public void Build_EmptyDay_ListsJobsWithZeros()
    {
        var report = QualityReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, Jobs, []);

        Assert.Equal(["j1", "j2"], report.Jobs.Select(j => j.JobId));
        Assert.All(report.Jobs, j => Assert.Equal((0, 0, 0, 0), (j.Submissions, j.Reviews.Total, j.ConsensusAssets, j.Skips)));
        Assert.All(report.Jobs, j => Assert.Empty(j.Annotators));
    }
}
