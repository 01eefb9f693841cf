namespace FuncLabel.Domain.Reports;

/// <summary>
/// One CSV per report, all in the same long ("tidy") layout so a spreadsheet pivot or a script reads any of them the
/// same way: <c>section,id,subject,metric,value,detail</c>. Each record is one figure: <c>section</c> says what kind of
/// thing it describes (<c>type</c>, <c>exam</c>, <c>annotator</c>…), <c>id</c> and <c>subject</c> name it (e.g. exam id
/// and user id), <c>metric</c> names the figure, <c>value</c> holds it (invariant numbers, UTC ISO-8601 times, empty
/// when there is none, e.g. a pass rate without attempts) and <c>detail</c> carries a free-text attribute (a grant's
/// source, a revocation's or skip's reason, a name). The sections and metrics of each report are listed in
/// docs/reports.md; every figure of the JSON report appears, except the per-holder issue time.
/// </summary>
public static class ReportCsv
{
    private static readonly string[] Header = ["section", "id", "subject", "metric", "value", "detail"];

    public static string Of(CredentialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvText(Header);
        var t = report.Totals;
        csv.Row("total", "", "", "grants", CsvText.Number(t.Grants), "")
            .Row("total", "", "", "revocations", CsvText.Number(t.Revocations), "")
            .Row("total", "", "", "expirations", CsvText.Number(t.Expirations), "")
            .Row("total", "", "", "active_holders", CsvText.Number(t.ActiveHolders), "")
            .Row("total", "", "", "expiring_soon", CsvText.Number(t.ExpiringSoon), "");
        foreach (var type in report.Types)
        {
            csv.Row("type", type.TypeId, "", "grants", CsvText.Number(type.Grants), type.Name)
                .Row("type", type.TypeId, "", "revocations", CsvText.Number(type.Revocations), type.Name)
                .Row("type", type.TypeId, "", "expirations", CsvText.Number(type.Expirations), type.Name)
                .Row("type", type.TypeId, "", "active_holders", CsvText.Number(type.ActiveHolderCount), type.Name);
            foreach (var holder in type.ActiveHolders)
            {
                csv.Row("holder", type.TypeId, holder.UserId, "expires_at", CsvText.Time(holder.ExpiresAt), Name(holder.Source));
            }
        }

        foreach (var e in report.Events)
        {
            csv.Row("event", e.TypeId, e.UserId, Name(e.Kind), CsvText.Time(e.At), e.Reason ?? (e.Source is { } s ? Name(s) : ""));
        }

        foreach (var x in report.ExpiringSoon)
        {
            csv.Row("expiring", x.TypeId, x.UserId, "expires_at", CsvText.Time(x.ExpiresAt), CsvText.Date(x.WeekStarting));
        }

        foreach (var week in report.ExpiringByWeek)
        {
            csv.Row("expiring_week", CsvText.Date(week.WeekStarting), "", "count", CsvText.Number(week.Count), "");
        }

        return csv.ToString();
    }

    public static string Of(ExamReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvText(Header);
        var t = report.Totals;
        csv.Row("total", "", "", "started", CsvText.Number(t.Started), "")
            .Row("total", "", "", "finished", CsvText.Number(t.Finished), "")
            .Row("total", "", "", "passed", CsvText.Number(t.Passed), "")
            .Row("total", "", "", "pass_rate", CsvText.Number(t.PassRate), "");
        foreach (var exam in report.Exams)
        {
            void Figure(string metric, string value) => csv.Row("exam", exam.ExamId, "", metric, value, exam.Name);
            Figure("pass_mark", CsvText.Number(exam.PassMark));
            Figure("started", CsvText.Number(exam.Started));
            Figure("finished", CsvText.Number(exam.Finished));
            Figure("passed", CsvText.Number(exam.Passed));
            Figure("failed", CsvText.Number(exam.Failed));
            Figure("pass_rate", CsvText.Number(exam.PassRate));
            Figure("mean_score", CsvText.Number(exam.MeanScore));
            Figure("median_attempts_to_pass", CsvText.Number(exam.MedianAttemptsToPass));
            foreach (var bucket in exam.ScoreHistogram)
            {
                csv.Row("score_bucket", exam.ExamId, $"{CsvText.Number(bucket.From)}-{CsvText.Number(bucket.To)}", "count", CsvText.Number(bucket.Count), "");
            }

            foreach (var cls in exam.FeedbackByClass)
            {
                foreach (var reason in cls.Reasons)
                {
                    csv.Row("feedback", exam.ExamId, cls.ClassId, ReportDetails.ReasonName(reason.Reason), CsvText.Number(reason.Count), "");
                }
            }

            foreach (var a in exam.Annotators)
            {
                csv.Row("annotator", exam.ExamId, a.UserId, "attempts", CsvText.Number(a.Attempts), "")
                    .Row("annotator", exam.ExamId, a.UserId, "best_score", CsvText.Number(a.BestScore), "")
                    .Row("annotator", exam.ExamId, a.UserId, "last_score", CsvText.Number(a.LastScore), "")
                    .Row("annotator", exam.ExamId, a.UserId, "passed", a.Passed ? "true" : "false", "")
                    .Row("annotator", exam.ExamId, a.UserId, "passed_on_attempt", CsvText.Number(a.PassedOnAttempt), "");
            }
        }

        return csv.ToString();
    }

    public static string Of(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new CsvText(Header);
        foreach (var job in report.Jobs)
        {
            void Figure(string metric, string value) => csv.Row("job", job.JobId, "", metric, value, job.Name);
            Figure("submissions", CsvText.Number(job.Submissions));
            Figure("reviews", CsvText.Number(job.Reviews.Total));
            Figure("approved", CsvText.Number(job.Reviews.Approved));
            Figure("approved_with_edits", CsvText.Number(job.Reviews.ApprovedWithEdits));
            Figure("rejected", CsvText.Number(job.Reviews.Rejected));
            Figure("review_reject_rate", CsvText.Number(job.ReviewRejectRate));
            Figure("consensus_assets", CsvText.Number(job.ConsensusAssets));
            Figure("mean_agreement", CsvText.Number(job.MeanAgreement));
            Figure("time_on_task_count", CsvText.Number(job.TimeOnTask.Count));
            Figure("time_on_task_median_seconds", CsvText.Number(job.TimeOnTask.MedianSeconds));
            Figure("time_on_task_mean_seconds", CsvText.Number(job.TimeOnTask.MeanSeconds));
            Figure("time_on_task_max_seconds", CsvText.Number(job.TimeOnTask.MaxSeconds));
            Figure("prelabels_offered", CsvText.Number(job.Prelabels.Offered));
            Figure("prelabels_unchanged", CsvText.Number(job.Prelabels.Unchanged));
            Figure("prelabels_edited", CsvText.Number(job.Prelabels.Edited));
            Figure("prelabels_deleted", CsvText.Number(job.Prelabels.Deleted));
            Figure("prelabels_unchanged_share", CsvText.Number(job.Prelabels.UnchangedShare));
            Figure("prelabels_edited_share", CsvText.Number(job.Prelabels.EditedShare));
            Figure("skips", CsvText.Number(job.Skips));
            foreach (var skipped in job.SkippedAssets)
            {
                csv.Row("skipped_asset", job.JobId, skipped.AssetId, "skipped_by", skipped.UserId, skipped.Reason);
            }

            foreach (var a in job.Annotators)
            {
                void Mine(string metric, string value) => csv.Row("annotator", job.JobId, a.UserId, metric, value, "");
                Mine("submissions", CsvText.Number(a.Submissions));
                Mine("passes_in_consensus", CsvText.Number(a.PassesInConsensus));
                Mine("mean_agreement", CsvText.Number(a.MeanAgreement));
                Mine("reviews_received", CsvText.Number(a.ReviewsReceived));
                Mine("rejects_received", CsvText.Number(a.RejectsReceived));
                Mine("reject_rate", CsvText.Number(a.RejectRate));
                Mine("median_seconds_on_task", CsvText.Number(a.MedianSecondsOnTask));
                Mine("prelabels_offered", CsvText.Number(a.PrelabelsOffered));
                Mine("prelabels_unchanged", CsvText.Number(a.PrelabelsUnchanged));
                Mine("prelabels_edited", CsvText.Number(a.PrelabelsEdited));
                Mine("skips", CsvText.Number(a.Skips));
            }
        }

        return csv.ToString();
    }

    private static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
