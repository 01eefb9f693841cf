namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// The value axis of a chart: from zero to a "nice" maximum with evenly spaced ticks, so gridlines fall on round
/// numbers (0, 5, 10, 15, 20 rather than 0, 4.6, 9.2…). Zero-based because bar lengths must be proportional to the
/// values they show; a truncated axis would exaggerate differences.
/// </summary>
internal sealed record ChartScale(double Max, IReadOnlyList<double> Ticks)
{
    /// <summary>
    /// A scale whose maximum is <paramref name="fixedMax"/> when given (percentages use 1.0), otherwise the smallest
    /// number of the form {1, 2, 2.5, 5} × 10^k that is at least the largest value, so the longest bar fills
    /// between 40% and 100% of the plot. With only zero values the maximum is 1 and every bar has zero length.
    /// Ticks: Max/4 apart. For counts (<paramref name="integers"/>) the tick step is rounded up to a whole number
    /// and the maximum is four steps, so a count axis never shows 0.5 or 1.25.
    /// </summary>
    public static ChartScale For(IEnumerable<double> values, double? fixedMax = null, bool integers = false)
    {
        var largest = values.DefaultIfEmpty(0).Max();
        if (fixedMax is { } given && given >= largest)
        {
            return Quarters(given);
        }

        if (!integers)
        {
            return Quarters(NiceCeiling(largest));
        }

        var step = Math.Max(1, Math.Ceiling(NiceCeiling(largest / 4)));
        return new ChartScale(4 * step, Enumerable.Range(0, 5).Select(i => i * step).ToArray());
    }

    private static ChartScale Quarters(double max) => new(max, Enumerable.Range(0, 5).Select(i => max * i / 4).ToArray());

    /// <summary>The fraction of the plot a bar of <paramref name="value"/> spans.</summary>
    public double Fraction(double value) => value / Max;

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (step * magnitude >= value)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
