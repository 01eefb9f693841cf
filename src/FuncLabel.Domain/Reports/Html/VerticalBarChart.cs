namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A column chart: one vertical bar per category along the x axis, value axis on the left with gridlines at the
/// scale's ticks, the value text above each bar when it fits, and category labels under the bars (shortened with
/// an ellipsis when the slot is narrow; the full label is in the bar's tooltip and in the table under the chart).
/// Bar height is <c>value / scale.Max</c> of the plot height, so heights are proportional to values.
/// </summary>
internal static class VerticalBarChart
{
    internal const double Left = 44, Right = 14, Top = 20, PlotHeight = 160, Bottom = 44;

    /// <summary>The fraction of a category's slot the bar occupies; the rest separates neighbouring bars.</summary>
    private const double BarShare = 0.7;

    public static string Render(ChartSpec spec, IReadOnlyList<ChartBar> bars)
    {
        if (bars.Count == 0)
        {
            throw new ArgumentException("a chart needs at least one bar; render the empty state instead", nameof(bars));
        }

        var canvas = new SvgCanvas(spec, "vertical", Top + PlotHeight + Bottom);
        var plotWidth = SvgCanvas.Width - Left - Right;
        ValueAxis(canvas, spec, plotWidth);

        var slot = plotWidth / bars.Count;
        var barWidth = slot * BarShare;
        var maxLabelChars = Math.Max(1, (int)(slot / SvgCanvas.CharWidth));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var height = PlotHeight * spec.Scale.Fraction(bar.Value);
            var x = Left + i * slot + (slot - barWidth) / 2;
            var y = Top + PlotHeight - height;
            canvas.Bar(x, y, barWidth, height, bar);
            if (bar.ValueText.Length * SvgCanvas.CharWidth <= slot)
            {
                canvas.Text(x + barWidth / 2, y - 4, bar.ValueText, "middle", "value");
            }

            canvas.Text(x + barWidth / 2, Top + PlotHeight + 15, HtmlText.Truncate(bar.Label, maxLabelChars), "middle", "tick");
        }

        canvas.Text(Left + plotWidth / 2, Top + PlotHeight + Bottom - 6, spec.CategoryAxisLabel, "middle", "axis-label");
        return canvas.ToString();
    }

    /// <summary>The left value axis with gridlines and tick labels, its caption turned 90° along it, and the baseline; shared with <see cref="Histogram"/>.</summary>
    internal static void ValueAxis(SvgCanvas canvas, ChartSpec spec, double plotWidth)
    {
        foreach (var tick in spec.Scale.Ticks)
        {
            var y = Top + PlotHeight - PlotHeight * spec.Scale.Fraction(tick);
            canvas.Line(Left, y, Left + plotWidth, y, "grid");
            canvas.Text(Left - 5, y + 4, spec.TickFormat(tick), "end", "tick");
        }

        canvas.Text(11, Top + PlotHeight / 2, spec.ValueAxisLabel, "middle", "axis-label", -90);
        canvas.Line(Left, Top + PlotHeight, Left + plotWidth, Top + PlotHeight, "axis");
        canvas.Line(Left, Top, Left, Top + PlotHeight, "axis");
    }
}
