namespace FuncLabel.Domain.Reports.Html;

/// <summary>One bin of a histogram: the values in [<see cref="From"/>, <see cref="To"/>) (the last bin may include its upper edge) and how many there are.</summary>
internal sealed record HistogramBin(double From, double To, long Count);
