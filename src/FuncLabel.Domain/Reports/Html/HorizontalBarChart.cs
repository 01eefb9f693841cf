namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A bar chart with one horizontal bar per row, for long category names such as annotators and exam titles: each
/// row has its label on a line of its own above the bar, so names get the full chart width instead of a narrow
/// column (which on a phone would leave no room for the bars). The value text follows the bar's end; the value axis
/// with gridlines runs along the bottom. Bar width is <c>value / scale.Max</c> of the plot width. The chart grows
/// in height with the number of rows and never in width.
/// </summary>
internal static class HorizontalBarChart
{
    internal const double Left = 12, ValueRoom = 44, Top = 4, RowHeight = 36, BarHeight = 14, Bottom = 40;

    public static string Render(ChartSpec spec, IReadOnlyList<ChartBar> bars)
    {
        if (bars.Count == 0)
        {
            throw new ArgumentException("a chart needs at least one bar; render the empty state instead", nameof(bars));
        }

        var plotHeight = bars.Count * RowHeight;
        var plotWidth = SvgCanvas.Width - Left - ValueRoom;
        var canvas = new SvgCanvas(spec, "horizontal", Top + plotHeight + Bottom);
        foreach (var tick in spec.Scale.Ticks)
        {
            var x = Left + plotWidth * spec.Scale.Fraction(tick);
            canvas.Line(x, Top, x, Top + plotHeight, "grid");
            canvas.Text(x, Top + plotHeight + 15, spec.TickFormat(tick), "middle", "tick");
        }

        var maxLabelChars = (int)((SvgCanvas.Width - Left) / SvgCanvas.CharWidth);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var rowTop = Top + i * RowHeight;
            var width = plotWidth * spec.Scale.Fraction(bar.Value);
            canvas.Text(Left, rowTop + 13, HtmlText.Truncate(bar.Label, maxLabelChars), "start", "row-label");
            canvas.Bar(Left, rowTop + 18, width, BarHeight, bar);
            canvas.Text(Left + width + 4, rowTop + 18 + BarHeight - 3, bar.ValueText, "start", "value");
        }

        canvas.Line(Left, Top, Left, Top + plotHeight, "axis");
        canvas.Text(Left + plotWidth / 2, Top + plotHeight + Bottom - 6, spec.ValueAxisLabel, "middle", "axis-label");
        return canvas.ToString();
    }
}
