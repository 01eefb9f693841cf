namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// The quality report as a page, one section per job: headline figures (submissions, review reject rate, consensus
/// agreement, time on task, share of pre-labels kept unchanged or edited, skips), each drawer's mean agreement with
/// consensus as bars on the scorer's fixed 0–100 scale, the per-annotator table and the skipped assets.
/// </summary>
internal static class QualityReportHtml
{
    public static string Render(QualityReport report)
    {
        var page = new HtmlPage($"Labeling quality report · {ReportFormat.Scope(report.Scope)}", ReportFormat.Period(report.Period, report.GeneratedAt));
        if (report.Jobs.Count == 0)
        {
            page.Section("Jobs").Empty("This project has no jobs.");
            return page.ToString();
        }

        foreach (var job in report.Jobs)
        {
            Job(page, job);
        }

        return page.ToString();
    }

    private static void Job(HtmlPage page, JobQuality job)
    {
        page.Section(job.Name);
        if (job.Submissions == 0 && job.Reviews.Total == 0 && job.ConsensusAssets == 0 && job.Skips == 0)
        {
            page.Empty("No submissions, reviews, consensus merges or skips in this period.");
            return;
        }

        page.Figures([
            ("Submissions", HtmlText.Count(job.Submissions)),
            ("Reviews", HtmlText.Count(job.Reviews.Total)),
            ("Review reject rate", ReportFormat.Percent(job.ReviewRejectRate)),
            ("Assets in consensus", HtmlText.Count(job.ConsensusAssets)),
            ("Mean agreement", ReportFormat.Points(job.MeanAgreement)),
            ("Median time on task", ReportFormat.Duration(job.TimeOnTask.MedianSeconds)),
            ("Pre-labels unchanged", ReportFormat.Percent(job.Prelabels.UnchangedShare)),
            ("Pre-labels edited", ReportFormat.Percent(job.Prelabels.EditedShare)),
            ("Skips", HtmlText.Count(job.Skips)),
        ]);

        var agreeing = job.Annotators.Where(a => a.MeanAgreement is not null).ToArray();
        if (agreeing.Length == 0)
        {
            page.Empty("No pass was merged into consensus in this period, so there is no agreement to show.");
        }
        else
        {
            var bars = agreeing.Select(a => new ChartBar(a.UserId, a.MeanAgreement!.Value, ReportFormat.Points(a.MeanAgreement))).ToArray();
            var spec = new ChartSpec("agreement:" + job.JobId, $"Agreement with consensus per annotator, {job.Name}", "Annotator",
                "Mean agreement with consensus (0–100)", ChartScale.For(bars.Select(b => b.Value), fixedMax: 100), t => HtmlText.Number(t, 0));
            page.Charts([("Agreement with consensus per annotator", HorizontalBarChart.Render(spec, bars))]);
        }

        page.Table(HtmlTable.Render(
            "Review outcomes and pre-labels",
            [
                TableColumn.Number("Approved"), TableColumn.Number("Approved with edits"), TableColumn.Number("Rejected"),
                TableColumn.Number("Pre-labels offered"), TableColumn.Number("Unchanged"), TableColumn.Number("Edited"), TableColumn.Number("Deleted"),
                TableColumn.Number("Mean time on task"), TableColumn.Number("Longest"),
            ],
            [[
                HtmlText.Count(job.Reviews.Approved), HtmlText.Count(job.Reviews.ApprovedWithEdits), HtmlText.Count(job.Reviews.Rejected),
                HtmlText.Count(job.Prelabels.Offered), HtmlText.Count(job.Prelabels.Unchanged), HtmlText.Count(job.Prelabels.Edited),
                HtmlText.Count(job.Prelabels.Deleted), ReportFormat.Duration(job.TimeOnTask.MeanSeconds), ReportFormat.Duration(job.TimeOnTask.MaxSeconds),
            ]]));

        if (job.Annotators.Count > 0)
        {
            page.Table(HtmlTable.Render(
                "Annotators",
                [
                    TableColumn.Name("User"), TableColumn.Number("Submissions"), TableColumn.Number("Passes in consensus"),
                    TableColumn.Number("Mean agreement"), TableColumn.Number("Reviews"), TableColumn.Number("Rejects"), TableColumn.Number("Reject rate"),
                    TableColumn.Number("Median time on task"), TableColumn.Number("Pre-labels offered"), TableColumn.Number("Unchanged"),
                    TableColumn.Number("Edited"), TableColumn.Number("Skips"),
                ],
                job.Annotators.Select(a => new[]
                {
                    a.UserId, HtmlText.Count(a.Submissions), HtmlText.Count(a.PassesInConsensus), ReportFormat.Points(a.MeanAgreement),
                    HtmlText.Count(a.ReviewsReceived), HtmlText.Count(a.RejectsReceived), ReportFormat.Percent(a.RejectRate),
                    ReportFormat.Duration(a.MedianSecondsOnTask), HtmlText.Count(a.PrelabelsOffered), HtmlText.Count(a.PrelabelsUnchanged),
                    HtmlText.Count(a.PrelabelsEdited), HtmlText.Count(a.Skips),
                })));
        }

        if (job.SkippedAssets.Count > 0)
        {
            page.Table(HtmlTable.Render(
                "Skipped assets",
                [TableColumn.Name("Asset"), TableColumn.Name("Skipped by"), TableColumn.Text("Reason"), TableColumn.Time("When")],
                job.SkippedAssets.Select(s => new[] { s.AssetId, s.UserId, s.Reason, ReportFormat.Instant(s.At) })));
        }
    }
}
