namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A histogram: adjacent bins drawn as touching columns over a continuous x axis labelled at the bin edges (a bar
/// chart labels categories; a histogram labels the boundaries between them). Column height is the bin's count over
/// the scale maximum, like <see cref="VerticalBarChart"/>, whose value axis it shares. Edge labels are thinned to
/// every k-th edge when they would collide.
/// </summary>
internal static class Histogram
{
    public static string Render(ChartSpec spec, IReadOnlyList<HistogramBin> bins, Func<double, string> edgeFormat)
    {
        if (bins.Count == 0)
        {
            throw new ArgumentException("a histogram needs at least one bin; render the empty state instead", nameof(bins));
        }

        const double left = VerticalBarChart.Left, top = VerticalBarChart.Top, plotHeight = VerticalBarChart.PlotHeight;
        var canvas = new SvgCanvas(spec, "vertical", top + plotHeight + VerticalBarChart.Bottom);
        var plotWidth = SvgCanvas.Width - left - VerticalBarChart.Right;
        VerticalBarChart.ValueAxis(canvas, spec, plotWidth);

        var binWidth = plotWidth / bins.Count;
        for (var i = 0; i < bins.Count; i++)
        {
            var bin = bins[i];
            var label = edgeFormat(bin.From) + "–" + edgeFormat(bin.To);
            var height = plotHeight * spec.Scale.Fraction(bin.Count);
            var x = left + i * binWidth;
            var y = top + plotHeight - height;
            canvas.Bar(x + 0.5, y, binWidth - 1, height, new ChartBar(label, bin.Count, HtmlText.Count(bin.Count)));
            if (bin.Count > 0 && HtmlText.Count(bin.Count).Length * SvgCanvas.CharWidth <= binWidth)
            {
                canvas.Text(x + binWidth / 2, y - 4, HtmlText.Count(bin.Count), "middle", "value");
            }
        }

        var widestEdge = bins.Max(b => Math.Max(edgeFormat(b.From).Length, edgeFormat(b.To).Length)) * SvgCanvas.CharWidth + 4;
        var every = Math.Max(1, (int)Math.Ceiling(widestEdge / binWidth));
        for (var edge = 0; edge <= bins.Count; edge += every)
        {
            var value = edge < bins.Count ? bins[edge].From : bins[^1].To;
            canvas.Text(left + edge * binWidth, top + plotHeight + 15, edgeFormat(value), "middle", "tick");
        }

        canvas.Text(left + plotWidth / 2, top + plotHeight + VerticalBarChart.Bottom - 6, spec.CategoryAxisLabel, "middle", "axis-label");
        return canvas.ToString();
    }
}
