using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Reports.Html;

namespace FuncLabel.Browser.Tests;

/// <summary>
/// Each HTML report, built by the real builders from a seeded ledger day, opened in headless Chromium at 1280 and
/// 375 px: the page loads nothing but itself, never scrolls sideways, and every chart's bars carry the report's
/// figures with rendered lengths proportional to them. Pages and screenshots stay in <see cref="ReportPageFolder"/>.
/// </summary>
public sealed class ReportPagesInChromiumTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly Dictionary<string, IReadOnlyList<(string, double)>> NoCharts = [];

    [ChromiumFact]
    public async Task CredentialReport_ChartsMatchTheFiguresAndFitEveryWidth()
    {
        var report = SeededLedger.Credentials();
        Assert.True(report.Totals is { Grants: > 0, Revocations: > 0, Expirations: > 0, ActiveHolders: > 0, ExpiringSoon: > 0 }, $"the seed must exercise every part of the page: {report.Totals}");

        await CheckAsync("credentials", ReportHtml.Render(report), new Dictionary<string, IReadOnlyList<(string, double)>>
        {
            ["expiring-by-week"] = [.. report.ExpiringByWeek.Select(w => (w.WeekStarting.ToString("d MMM", System.Globalization.CultureInfo.InvariantCulture), (double)w.Count))],
            ["active-holders"] = [.. report.Types.Select(t => (t.Name, (double)t.ActiveHolderCount))],
        });
    }

    [ChromiumFact]
    public async Task ExamReport_ChartsMatchTheFiguresAndFitEveryWidth()
    {
        var report = SeededLedger.Exams();
        var expected = new Dictionary<string, IReadOnlyList<(string, double)>>
        {
            ["pass-rate"] = [.. report.Exams.Where(e => e.PassRate is not null).Select(e => (e.Name, e.PassRate!.Value))],
        };
        foreach (var exam in report.Exams.Where(e => e.Finished > 0))
        {
            expected["score-histogram:" + exam.ExamId] = [.. exam.ScoreHistogram.Select(b => ($"{b.From}–{b.To}", (double)b.Count))];
        }

        Assert.Equal(4, expected.Count);
        await CheckAsync("exams", ReportHtml.Render(report), expected);
    }

    [ChromiumFact]
    public async Task QualityReport_ChartsMatchTheFiguresAndFitEveryWidth()
    {
        var report = SeededLedger.Quality();
        var expected = report.Jobs.ToDictionary(
            j => "agreement:" + j.JobId,
            j => (IReadOnlyList<(string, double)>)[.. j.Annotators.Where(a => a.MeanAgreement is not null).Select(a => (a.UserId, a.MeanAgreement!.Value))]);

        Assert.All(expected.Values, bars => Assert.True(bars.Count >= 5));
        await CheckAsync("quality", ReportHtml.Render(report), expected);
    }

    [ChromiumFact]
    public async Task EmptyReports_ShowNoChartsAndFitEveryWidth()
    {
        var period = SeededLedger.Period;
        var generated = SeededLedger.Generated;
        await CheckAsync("credentials-empty", ReportHtml.Render(CredentialReportBuilder.Build("org", period, generated, [], [], [], null)), NoCharts);
        await CheckAsync("exams-empty", ReportHtml.Render(ExamReportBuilder.Build("p1", period, generated, [new ExamInfo("e1", "Exam", 80)], [])), NoCharts);
        await CheckAsync("quality-empty", ReportHtml.Render(QualityReportBuilder.Build("p1", period, generated, [new JobInfo("j1", "Job")], [])), NoCharts);
    }

    /// <summary>Writes the page, opens it at each width and runs every check; <paramref name="charts"/> are all the charts the page must have.</summary>
    private async Task CheckAsync(string name, string html, IReadOnlyDictionary<string, IReadOnlyList<(string, double)>> charts)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var path = ReportPageFolder.Write(name, html);
        foreach (var width in ReportPageProbe.Widths)
        {
            var page = await ReportPageProbe.OpenAsync(chromium.Browser, path, width, timeout.Token);

            Assert.True(File.Exists(page.ScreenshotPath), page.ScreenshotPath);
            RenderedPageAssert.SelfContained(page, path);
            RenderedPageAssert.NoHorizontalOverflow(page);
            Assert.Equal(charts.Keys.Order(StringComparer.Ordinal), page.Charts.Select(c => c.Id).Order(StringComparer.Ordinal));
            foreach (var (id, bars) in charts)
            {
                var chart = page.Chart(id);
                Assert.True(chart.Width <= width, $"chart {id} is {chart.Width} px wide at {width} px");
                RenderedPageAssert.BarsShow(chart, bars);
            }
        }
    }
}
