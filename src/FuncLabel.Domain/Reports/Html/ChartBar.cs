namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// One bar of a chart: the category it stands for, its value (the bar's length is proportional to it) and the text
/// shown next to it (a percentage, a count). The value is written to the bar's <c>data-value</c> attribute.
/// </summary>
internal sealed record ChartBar(string Label, double Value, string ValueText)
{
    /// <summary>Bars are lengths: a negative or non-finite value is a bug in the caller.</summary>
    public double Value { get; } = double.IsFinite(Value) && Value >= 0
        ? Value
        : throw new ArgumentOutOfRangeException(nameof(Value), Value, "a bar's value must be finite and non-negative");
}
