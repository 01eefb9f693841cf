namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// Intersection over union of two axis-aligned boxes in closed form: the intersection of two
/// boxes is a box, so IoU costs a handful of comparisons and no geometry engine (the fast path
/// the bbox tool deserves; the benchmarks compare it with the polygon path).
/// </summary>
internal static class BoxOverlap
{
    /// <summary>
    /// IoU in [0, 1]. Boxes that only touch score 0. Two zero-area boxes have no union; they score
    /// 1 when identical and 0 otherwise, so IoU(a, a) = 1 holds for every box.
    /// </summary>
    public static double Of(in AxisBox a, in AxisBox b)
    {
        double width = Math.Min(a.MaxX, b.MaxX) - Math.Max(a.MinX, b.MinX);
        double height = Math.Min(a.MaxY, b.MaxY) - Math.Max(a.MinY, b.MinY);
        double intersection = width > 0 && height > 0 ? width * height : 0.0;
        double union = a.Area + b.Area - intersection;
        if (union <= 0)
        {
            return a == b ? 1.0 : 0.0;
        }

        return Math.Clamp(intersection / union, 0.0, 1.0);
    }
}
