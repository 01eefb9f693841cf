namespace FuncLabel.Browser.Tests;

/// <summary>The checks every report page must pass at every width.</summary>
internal static class RenderedPageAssert
{
    /// <summary>Bar lengths may differ from exact proportionality by this much (CSS pixels), for rounding in the layout.</summary>
    private const double Tolerance = 1.0;

    /// <summary>Nothing makes the page wider than the screen: wide tables scroll inside their own box.</summary>
    public static void NoHorizontalOverflow(RenderedPage page) =>
        Assert.True(page.ScrollWidth <= page.ClientWidth,
            $"at {page.ViewportWidth} px the page is {page.ScrollWidth} px wide for a {page.ClientWidth} px viewport ({page.ScreenshotPath})");

    /// <summary>The page loaded nothing but itself: no scripts, styles, fonts or images from anywhere.</summary>
    public static void SelfContained(RenderedPage page, string htmlPath)
    {
        var self = new Uri(htmlPath).AbsoluteUri;
        Assert.All(page.Requests, url => Assert.Equal(self, url));
    }

    /// <summary>
    /// The chart shows exactly the expected bars (label and value, in order), and each bar's rendered length
    /// (height for columns, width for horizontal bars) is proportional to its value: compared with the longest bar,
    /// length_i = length_max × value_i / value_max within a pixel. This checks the drawing against the figures,
    /// whatever scale maximum the chart chose.
    /// </summary>
    public static void BarsShow(RenderedChart chart, IReadOnlyList<(string Label, double Value)> expected)
    {
        Assert.Equal(expected.Select(e => e.Label), chart.Bars.Select(b => b.Label));
        Assert.Equal(expected.Select(e => e.Value), chart.Bars.Select(b => b.Value), (a, b) => Math.Abs(a - b) < 1e-9);

        var vertical = chart.Orientation == "vertical";
        double Length(RenderedBar bar) => vertical ? bar.Height : bar.Width;
        var longest = chart.Bars.MaxBy(b => b.Value)!;
        if (longest.Value == 0)
        {
            Assert.All(chart.Bars, bar => Assert.InRange(Length(bar), 0, Tolerance));
            return;
        }

        Assert.True(Length(longest) > 20, $"chart {chart.Id}: the longest bar is only {Length(longest)} px");
        foreach (var bar in chart.Bars)
        {
            var want = Length(longest) * bar.Value / longest.Value;
            Assert.True(Math.Abs(Length(bar) - want) <= Tolerance,
                $"chart {chart.Id}, bar '{bar.Label}' ({bar.Value}): {Length(bar):0.##} px, expected {want:0.##} px (longest {Length(longest):0.##} px for {longest.Value})");
        }
    }
}
