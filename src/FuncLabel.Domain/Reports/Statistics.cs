namespace FuncLabel.Domain.Reports;

/// <summary>Order statistics the reports use, computed exactly over the values in memory (a report day is small).</summary>
internal static class Statistics
{
    /// <summary>The median: the middle value, or the mean of the two middle values for an even count; null when empty.</summary>
    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double? Mean(IEnumerable<double> values)
    {
        var all = values.ToArray();
        return all.Length == 0 ? null : all.Sum() / all.Length;
    }

    /// <summary><paramref name="part"/> / <paramref name="whole"/>, null when the whole is zero.</summary>
    public static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;
}
