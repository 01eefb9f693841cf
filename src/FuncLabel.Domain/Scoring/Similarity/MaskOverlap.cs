namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// Intersection over union of two run-length masks of the same size and pixel order, computed on
/// the runs themselves (a two-pointer merge of the sorted foreground intervals, O(runs of a + runs
/// of b)) without decoding a single pixel.
/// </summary>
internal static class MaskOverlap
{
    /// <summary>IoU in [0, 1]; two empty masks have no union and score 1 (they are identical).</summary>
    public static double Of(RunLengthMask a, RunLengthMask b)
    {
        if (a.Width != b.Width || a.Height != b.Height || a.ColumnMajor != b.ColumnMajor)
        {
            throw new ArgumentException("Masks of different sizes or pixel orders cannot be compared.");
        }

        long intersection = IntersectionArea(a, b);
        long union = a.Area + b.Area - intersection;
        return union == 0 ? 1.0 : (double)intersection / union;
    }

    private static long IntersectionArea(RunLengthMask a, RunLengthMask b)
    {
        long total = 0;
        int i = 0;
        int j = 0;
        while (i < a.Starts.Length && j < b.Starts.Length)
        {
            int low = Math.Max(a.Starts[i], b.Starts[j]);
            int high = Math.Min(a.Ends[i], b.Ends[j]);
            if (high > low)
            {
                total += high - low;
            }

            if (a.Ends[i] < b.Ends[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return total;
    }
}
