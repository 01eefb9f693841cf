using FuncLabel.Domain.Reports;
using static FuncLabel.Domain.Tests.Reports.LedgerSeed;

namespace FuncLabel.Domain.Tests.Reports;

public sealed class ReportCsvTests
{
    [Fact]
    public void Escape_QuotesOnlyWhatRfc4180Requires()
    {
        Assert.Equal("plain", CsvText.Escape("plain"));
        Assert.Equal("\"a,b\"", CsvText.Escape("a,b"));
        Assert.Equal("\"say \"\"hi\"\"\"", CsvText.Escape("say \"hi\""));
        Assert.Equal("\"two\r\nlines\"", CsvText.Escape("two\r\nlines"));
        Assert.Equal("", CsvText.Escape(null));
    }

    [Fact]
    public void Of_CredentialReport_OneRecordPerFigureWithCrlf()
    {
        var report = CredentialReportBuilder.Build(
            "org",
            Day("2026-03-10"),
            Generated,
            [new CredentialTypeInfo("med", "Medical, EU", 365)],
            [new CredentialState("med", "alice", At("2026-01-01T00:00"), At("2026-03-12T06:00"), null, GrantSource.Offline)],
            [Event("2026-03-10T10:00", "credential:bob:med", "credential.revoked", "admin", ("userId", "bob"), ("typeId", "med"), ("reason", "said \"no\""))],
            members: null);

        var csv = ReportCsv.Of(report);

        Assert.EndsWith("\r\n", csv, StringComparison.Ordinal);
        string[] lines = csv[..^2].Split("\r\n");
        Assert.Equal(
            [
                "section,id,subject,metric,value,detail",
                "total,,,grants,0,",
                "total,,,revocations,1,",
                "total,,,expirations,0,",
                "total,,,active_holders,1,",
                "total,,,expiring_soon,1,",
                "type,med,,grants,0,\"Medical, EU\"",
                "type,med,,revocations,1,\"Medical, EU\"",
                "type,med,,expirations,0,\"Medical, EU\"",
                "type,med,,active_holders,1,\"Medical, EU\"",
                "holder,med,alice,expires_at,2026-03-12T06:00:00Z,offline",
                "event,med,bob,revoked,2026-03-10T10:00:00Z,\"said \"\"no\"\"\"",
                "expiring,med,alice,expires_at,2026-03-12T06:00:00Z,2026-03-09",
                "expiring_week,2026-03-09,,count,1,",
                "expiring_week,2026-03-16,,count,0,",
                "expiring_week,2026-03-23,,count,0,",
            ],
            lines);
    }

    [Fact]
    public void Of_ExamReport_WritesSummaryBucketsFeedbackAndAnnotators()
    {
        var report = ExamReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, [new ExamInfo("e1", "Boxes", 80)],
            [Event("2026-03-10T08:00", "attempt:x", "attempt.finished", "alice",
                ("userId", "alice"), ("examId", "e1"), ("number", "1"), ("score", "72.5"), ("passed", "false"), ("feedback.car", "missing=2"))]);

        var lines = ReportCsv.Of(report).Split("\r\n");

        Assert.Contains("total,,,pass_rate,0,", lines);
        Assert.Contains("exam,e1,,mean_score,72.5,Boxes", lines);
        Assert.Contains("exam,e1,,median_attempts_to_pass,,Boxes", lines);
        Assert.Contains("score_bucket,e1,70-80,count,1,", lines);
        Assert.Contains("score_bucket,e1,90-100,count,0,", lines);
        Assert.Contains("feedback,e1,car,missing,2,", lines);
        Assert.Contains("annotator,e1,alice,passed,false,", lines);
        Assert.Contains("annotator,e1,alice,passed_on_attempt,,", lines);
        Assert.Equal(1 + 4 + 8 + 10 + 1 + 5, lines.Length - 1);
    }

    [Fact]
    public void Of_QualityReport_WritesJobSkipAndAnnotatorRows()
    {
        var report = QualityReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, [new JobInfo("j1", "Cars")],
        [
            Event("2026-03-10T08:00", "work:j1:a1", "task.submitted", "alice", ("secondsOnTask", "90"), ("prelabelsOffered", "3"), ("prelabelsUnchanged", "1"), ("prelabelsEdited", "1")),
            Event("2026-03-10T09:00", "work:j1:a2", "task.skipped", "alice", ("reason", "blank, nothing there")),
        ]);

        var lines = ReportCsv.Of(report).Split("\r\n");

        Assert.Contains("job,j1,,time_on_task_median_seconds,90,Cars", lines);
        Assert.Contains("job,j1,,prelabels_deleted,1,Cars", lines);
        Assert.Contains("job,j1,,prelabels_unchanged_share,0.3333,Cars", lines);
        Assert.Contains("job,j1,,review_reject_rate,,Cars", lines);
        Assert.Contains("skipped_asset,j1,a2,skipped_by,alice,\"blank, nothing there\"", lines);
        Assert.Contains("annotator,j1,alice,skips,1,", lines);
        Assert.Equal(1 + 19 + 1 + 11, lines.Length - 1);
    }

    [Fact]
    public void Of_EmptyQualityReport_IsTheHeaderOnly()
    {
        var report = QualityReportBuilder.Build("proj-a", Day("2026-03-10"), Generated, [], []);

        Assert.Equal("section,id,subject,metric,value,detail\r\n", ReportCsv.Of(report));
    }
}
