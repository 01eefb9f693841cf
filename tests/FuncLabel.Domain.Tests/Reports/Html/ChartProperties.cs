using System.Net;
using FsCheck.Xunit;
using FuncLabel.Domain.Reports.Html;

namespace FuncLabel.Domain.Tests.Reports.Html;

/// <summary>Seeded random inputs for the escaping and the three chart writers.</summary>
public sealed class ChartProperties
{
    /// <remarks>
    /// Strings of 0–40 characters drawn from markup characters, letters, a control character and an emoji. Expected:
    /// no markup character survives, and decoding gives the input back without its control characters.
    /// </remarks>
    [Property(MaxTest = 300)]
    public bool Escape_LeavesNoMarkupAndDecodesBack(int seed)
    {
        var text = RandomText(new Random(seed), 40);
        var escaped = HtmlText.Escape(text);
        return escaped.IndexOfAny(['<', '>', '"', '\'']) < 0
            && WebUtility.HtmlDecode(escaped) == WithoutControl(text);
    }

    /// <remarks>
    /// 1–40 bars with values uniform in 0–1000 (a fifth exactly 0) and random markup labels, drawn by each chart
    /// kind. Expected: the SVG parses as XML; the bars come back in order with their exact values and labels (less control characters); and
    /// every bar's drawn length is value / scale maximum of the same plot length (within 0.01 unit, the writer's
    /// rounding), so lengths are proportional to values.
    /// </remarks>
    [Property(MaxTest = 100)]
    public bool Charts_DrawEveryBarProportionally(int seed)
    {
        var random = new Random(seed);
        var bars = Enumerable.Range(0, random.Next(1, 41))
            .Select(_ => random.Next(5) == 0 ? 0 : Math.Round(random.NextDouble() * 1000, 3))
            .Select(v => new ChartBar(RandomText(random, 20), v, HtmlText.Number(v)))
            .ToArray();
        var scale = ChartScale.For(bars.Select(b => b.Value));
        var spec = new ChartSpec("c", RandomText(random, 20), RandomText(random, 10), RandomText(random, 10), scale, t => HtmlText.Number(t));

        var vertical = PageMarkup.Bars(PageMarkup.Charts(VerticalBarChart.Render(spec, bars))["c"]);
        var horizontal = PageMarkup.Bars(PageMarkup.Charts(HorizontalBarChart.Render(spec, bars))["c"]);
        var plotWidth = SvgCanvas.Width - HorizontalBarChart.Left - HorizontalBarChart.ValueRoom;
        return Same(vertical, bars) && Same(horizontal, bars)
            && vertical.Zip(bars).All(p => Math.Abs(p.First.Height - (VerticalBarChart.PlotHeight * p.Second.Value / scale.Max)) <= 0.01)
            && horizontal.Zip(bars).All(p => Math.Abs(p.First.Width - (plotWidth * p.Second.Value / scale.Max)) <= 0.01);
    }

    /// <remarks>1–20 bins with counts 0–500. Expected: one bar per bin, labelled by its edges, height proportional to its count.</remarks>
    [Property(MaxTest = 100)]
    public bool Histogram_DrawsEveryBinProportionally(int seed)
    {
        var random = new Random(seed);
        var bins = Enumerable.Range(0, random.Next(1, 21)).Select(i => new HistogramBin(i * 5, (i * 5) + 5, random.Next(0, 501))).ToArray();
        var scale = ChartScale.For(bins.Select(b => (double)b.Count), integers: true);
        var spec = new ChartSpec("h", "t", "x", "y", scale, t => HtmlText.Count((long)t));

        var drawn = PageMarkup.Bars(PageMarkup.Charts(Histogram.Render(spec, bins, e => HtmlText.Number(e, 0)))["h"]);
        return drawn.Count == bins.Length
            && drawn.Zip(bins).All(p => p.First.Label == $"{p.Second.From}–{p.Second.To}" && p.First.Value == p.Second.Count
                && Math.Abs(p.First.Height - (VerticalBarChart.PlotHeight * p.Second.Count / scale.Max)) <= 0.01);
    }

    private static bool Same(IReadOnlyList<PageMarkup.Bar> drawn, ChartBar[] bars) =>
        drawn.Count == bars.Length && drawn.Zip(bars).All(p => p.First.Label == WithoutControl(p.Second.Label) && p.First.Value == p.Second.Value);

    /// <summary>The text as escaping leaves it: control characters (XML forbids them) dropped.</summary>
    private static string WithoutControl(string text) => new([.. text.Where(c => c != '\u0001')]);

    private static string RandomText(Random random, int maxLength)
    {
        const string alphabet = "<>&\"' abcXYZ-é/\u0001";
        var chars = Enumerable.Range(0, random.Next(0, maxLength + 1)).Select(_ => alphabet[random.Next(alphabet.Length)]);
        return string.Concat(chars) + (random.Next(4) == 0 ? "\U0001F600" : string.Empty);
    }
}
