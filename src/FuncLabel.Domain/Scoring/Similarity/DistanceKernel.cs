namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// Maps a distance in pixels to a similarity in (0, 1] with the Gaussian of object keypoint
/// similarity (COCO's OKS): exp(−d² / (2·(σ·s)²)), where s is the scale the distance is measured
/// against (the square root of an area) and σ the tolerance relative to that scale. Points and
/// polylines share it, so "how far off is acceptable" is one notion for every distance-based tool.
/// </summary>
internal static class DistanceKernel
{
    /// <summary>The similarity of a distance for a given scale and relative σ.</summary>
    public static double Similarity(double distance, double scale, double sigma)
    {
        double spread = sigma * scale;
        return Math.Exp(-(distance * distance) / (2 * spread * spread));
    }

    /// <summary>
    /// The largest distance whose similarity still reaches <paramref name="threshold"/>
    /// (σ·s·√(−2 ln t)): how far the spatial index must look around a point or a line.
    /// </summary>
    public static double Reach(double threshold, double scale, double sigma) =>
        threshold >= 1.0 ? 0.0 : sigma * scale * Math.Sqrt(-2 * Math.Log(threshold));
}
