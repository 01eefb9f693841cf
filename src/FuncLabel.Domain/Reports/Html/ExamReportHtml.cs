namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// The exam report as a page: headline counts, the pass rate of every exam with finished attempts (one bar each,
/// on a fixed 0–100% axis so pages of different days compare at a glance) and the table of all exams; then per
/// exam its score histogram, its most frequent feedback reasons per class and its per-annotator summary.
/// </summary>
internal static class ExamReportHtml
{
    public static string Render(ExamReport report)
    {
        var page = new HtmlPage($"Exam report · {ReportFormat.Scope(report.Scope)}", ReportFormat.Period(report.Period, report.GeneratedAt))
            .Figures([
                ("Attempts started", HtmlText.Count(report.Totals.Started)),
                ("Attempts finished", HtmlText.Count(report.Totals.Finished)),
                ("Passed", HtmlText.Count(report.Totals.Passed)),
                ("Pass rate", ReportFormat.Percent(report.Totals.PassRate)),
            ]);
        page.Section("Pass rate per exam");
        if (report.Exams.Count == 0)
        {
            page.Empty("This project has no exams.");
            return page.ToString();
        }

        var rated = report.Exams.Where(e => e.PassRate is not null).ToArray();
        if (rated.Length == 0)
        {
            page.Empty("No exam attempt was finished in this period.");
        }
        else
        {
            var bars = rated.Select(e => new ChartBar(e.Name, e.PassRate!.Value, ReportFormat.Percent(e.PassRate))).ToArray();
            var spec = new ChartSpec("pass-rate", "Pass rate per exam", "Exam", "Pass rate (finished attempts)",
                ChartScale.For(bars.Select(b => b.Value), fixedMax: 1), HtmlText.Percent);
            page.Charts([("Pass rate per exam", HorizontalBarChart.Render(spec, bars))]);
        }

        page.Table(HtmlTable.Render(
            "Per exam",
            [
                TableColumn.Name("Exam"), TableColumn.Number("Pass mark"), TableColumn.Number("Started"), TableColumn.Number("Finished"),
                TableColumn.Number("Passed"), TableColumn.Number("Failed"), TableColumn.Number("Pass rate"), TableColumn.Number("Mean score"),
                TableColumn.Number("Median attempts to pass"),
            ],
            report.Exams.Select(e => new[]
            {
                e.Name, HtmlText.Number(e.PassMark), HtmlText.Count(e.Started), HtmlText.Count(e.Finished), HtmlText.Count(e.Passed),
                HtmlText.Count(e.Failed), ReportFormat.Percent(e.PassRate), ReportFormat.Points(e.MeanScore), ReportFormat.Number(e.MedianAttemptsToPass),
            })));

        foreach (var exam in report.Exams)
        {
            Exam(page, exam);
        }

        return page.ToString();
    }

    private static void Exam(HtmlPage page, ExamSummary exam)
    {
        page.Section(exam.Name);
        if (exam.Finished == 0)
        {
            page.Empty(exam.Started == 0
                ? "No attempt was started or finished in this period."
                : $"{HtmlText.Count(exam.Started)} {(exam.Started == 1 ? "attempt" : "attempts")} started; none finished in this period.");
            return;
        }

        var bins = exam.ScoreHistogram.Select(b => new HistogramBin(b.From, b.To, b.Count)).ToArray();
        var spec = new ChartSpec("score-histogram:" + exam.ExamId, $"Score distribution of {exam.Name}", "Score", "Finished attempts",
            ChartScale.For(bins.Select(b => (double)b.Count), integers: true), t => HtmlText.Count((long)t));
        page.Charts([("Score distribution", Histogram.Render(spec, bins, edge => HtmlText.Number(edge, 0)))]);

        if (exam.FeedbackByClass.Count == 0)
        {
            page.Empty("No feedback was given: every finished attempt matched the gold answers.");
        }
        else
        {
            page.Table(HtmlTable.Render(
                "Feedback reasons per class, most frequent first",
                [TableColumn.Name("Class"), TableColumn.Text("Reason"), TableColumn.Number("Count"), TableColumn.Number("Share of class")],
                exam.FeedbackByClass.SelectMany(c => c.Reasons.Select(r => new[]
                {
                    c.ClassId, ReportFormat.EnumName(r.Reason), HtmlText.Count(r.Count), c.Total > 0 ? HtmlText.Percent((double)r.Count / c.Total) : ReportFormat.None,
                }))));
        }

        page.Table(HtmlTable.Render(
            "Annotators",
            [
                TableColumn.Name("User"), TableColumn.Number("Attempts"), TableColumn.Number("Best score"), TableColumn.Number("Last score"),
                TableColumn.Text("Passed"), TableColumn.Number("Passed on attempt"),
            ],
            exam.Annotators.Select(a => new[]
            {
                a.UserId, HtmlText.Count(a.Attempts), HtmlText.Number(a.BestScore), HtmlText.Number(a.LastScore),
                a.Passed ? "yes" : "no", a.PassedOnAttempt is { } n ? HtmlText.Count(n) : ReportFormat.None,
            })));
    }
}
