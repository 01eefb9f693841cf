namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// Intersection over union of two text-entity spans given as Labelbox offsets: 0-based Unicode
/// code-point indices with an inclusive end, so a span covers end − start + 1 code points.
/// </summary>
internal static class SpanOverlap
{
    /// <summary>IoU in [0, 1] of [startA, endA] and [startB, endB]; requires start ≤ end on both.</summary>
    public static double Of(int startA, int endA, int startB, int endB)
    {
        if (endA < startA || endB < startB)
        {
            throw new ArgumentException("A span ends before it starts.");
        }

        long intersection = Math.Max(0L, (long)Math.Min(endA, endB) - Math.Max(startA, startB) + 1);
        long union = ((long)endA - startA + 1) + ((long)endB - startB + 1) - intersection;
        return (double)intersection / union;
    }
}
