using FuncLabel.Domain.Reports.Html;

namespace FuncLabel.Domain.Tests.Reports.Html;

public sealed class ReportHtmlTests
{
    public static TheoryData<string, string> Pages() => new()
    {
        { "credentials", ReportHtml.Render(SampleReports.Credentials()) },
        { "credentials-empty", ReportHtml.Render(SampleReports.EmptyCredentials()) },
        { "exams", ReportHtml.Render(SampleReports.Exams()) },
        { "exams-empty", ReportHtml.Render(SampleReports.EmptyExams()) },
        { "quality", ReportHtml.Render(SampleReports.Quality()) },
        { "quality-empty", ReportHtml.Render(SampleReports.EmptyQuality()) },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_ReferencesNothingOutsideThePage(string name, string html)
    {
        foreach (var forbidden in new[] { "<script", "<link", "<img", "<iframe", "<object", "src=", "href=", "@import", "url(", "http:", "https:", "//" })
        {
            Assert.False(html.Contains(forbidden, StringComparison.OrdinalIgnoreCase), $"{name} contains {forbidden}");
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Render_IsAPhoneReadyPage(string name, string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Equal(Count(html, "<table>"), Count(html, "<div class=\"table-scroll\"><table>"));
        Assert.All(PageMarkup.Charts(html).Values, svg =>
        {
            Assert.Equal("100%", (string?)svg.Attribute("width"));
            Assert.Null(svg.Attribute("height"));
            Assert.StartsWith("0 0 360 ", (string?)svg.Attribute("viewBox"), StringComparison.Ordinal);
        });
        Assert.NotEmpty(name);
    }

    [Fact]
    public void Render_EscapesNamesThatAreMarkup()
    {
        var pages = string.Concat(
            ReportHtml.Render(SampleReports.Credentials()), ReportHtml.Render(SampleReports.Exams()), ReportHtml.Render(SampleReports.Quality()));

        Assert.DoesNotContain("<script", pages, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<dark>", pages, StringComparison.Ordinal);
        Assert.DoesNotContain("<team>", pages, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", pages, StringComparison.Ordinal);
        Assert.Contains("Boxes &amp; &quot;polygons&quot;", pages, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_CredentialChartsShowTheFigures()
    {
        var charts = PageMarkup.Charts(ReportHtml.Render(SampleReports.Credentials()));

        CheckBars(charts["expiring-by-week"], [("23 Nov", 0), ("30 Nov", 2), ("7 Dec", 1)], vertical: true);
        CheckBars(charts["active-holders"], [("Boxes & \"polygons\"", 2), (SampleReports.ScriptName, 1), ("Unused", 0)], vertical: false);
    }

    [Fact]
    public void Render_ExamChartsShowTheFigures()
    {
        var report = SampleReports.Exams();
        var charts = PageMarkup.Charts(ReportHtml.Render(report));

        CheckBars(charts["pass-rate"], [("Boxes exam", 0.75), (SampleReports.ScriptName, 0)], vertical: false);
        CheckBars(charts["score-histogram:e1"], [.. report.Exams[0].ScoreHistogram.Select(b => ($"{b.From}–{b.To}", (double)b.Count))], vertical: true);
        CheckBars(charts["score-histogram:e2"], [.. report.Exams[1].ScoreHistogram.Select(b => ($"{b.From}–{b.To}", (double)b.Count))], vertical: true);
        Assert.False(charts.ContainsKey("score-histogram:e3"));
    }

    [Fact]
    public void Render_PassRateAxisIsFixedAtHundredPercent()
    {
        var svg = PageMarkup.Charts(ReportHtml.Render(SampleReports.Exams()))["pass-rate"];
        var boxes = PageMarkup.Bars(svg);

        var plotWidth = boxes[0].Width / 0.75;
        Assert.Equal(360 - HorizontalBarChart.Left - HorizontalBarChart.ValueRoom, plotWidth, 0.02);
    }

    [Fact]
    public void Render_QualityChartShowsAgreementOfAnnotatorsWithMergedPasses()
    {
        var charts = PageMarkup.Charts(ReportHtml.Render(SampleReports.Quality()));

        CheckBars(charts["agreement:j1"], [("ann-1", 90), ("ann-2", 72.5)], vertical: false);
        Assert.Single(charts);
    }

    [Fact]
    public void Render_EmptyReportsSayWhyThereIsNothingToShow()
    {
        var credentials = ReportHtml.Render(SampleReports.EmptyCredentials());
        var exams = ReportHtml.Render(SampleReports.EmptyExams());
        var quality = ReportHtml.Render(SampleReports.EmptyQuality());

        Assert.Empty(PageMarkup.Charts(credentials));
        Assert.Contains("No active credential expires within 14 days", credentials, StringComparison.Ordinal);
        Assert.Contains("No credential was granted, revoked or expired in this period.", credentials, StringComparison.Ordinal);
        Assert.Contains("No credential types are defined.", credentials, StringComparison.Ordinal);
        Assert.Empty(PageMarkup.Charts(exams));
        Assert.Contains("This project has no exams.", exams, StringComparison.Ordinal);
        Assert.Empty(PageMarkup.Charts(quality));
        Assert.Contains("This project has no jobs.", quality, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_IdleExamAndJobGetTheirOwnEmptyText()
    {
        Assert.Contains("No attempt was started or finished in this period.", ReportHtml.Render(SampleReports.Exams()), StringComparison.Ordinal);
        Assert.Contains("No submissions, reviews, consensus merges or skips in this period.", ReportHtml.Render(SampleReports.Quality()), StringComparison.Ordinal);
    }

    /// <summary>
    /// The chart's bars are exactly the expected (label, value) pairs in order, and each bar's drawn length is
    /// proportional to its value: length / value is the same for every non-zero bar, and zero bars have no length.
    /// </summary>
    private static void CheckBars(System.Xml.Linq.XElement svg, IReadOnlyList<(string Label, double Value)> expected, bool vertical)
    {
        Assert.Equal(vertical ? "vertical" : "horizontal", (string?)svg.Attribute("data-orientation"));
        var bars = PageMarkup.Bars(svg);
        Assert.Equal(expected.Select(e => e.Label), bars.Select(b => b.Label));
        Assert.Equal(expected.Select(e => e.Value), bars.Select(b => b.Value));

        var lengths = bars.Select(b => (b.Value, Length: vertical ? b.Height : b.Width)).ToArray();
        var longest = lengths.MaxBy(l => l.Value);
        Assert.True(longest.Length > 0);
        Assert.All(lengths, l => Assert.Equal(longest.Length * l.Value / longest.Value, l.Length, 0.02));
    }

    private static int Count(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
