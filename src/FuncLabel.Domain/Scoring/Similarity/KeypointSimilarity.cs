namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// Similarity of two points as an object keypoint similarity: the Euclidean distance between
/// them through <see cref="DistanceKernel"/>. Symmetric, translation-invariant and 1 exactly when
/// the points coincide; it never reaches 0, but falls below any match threshold beyond
/// <see cref="DistanceKernel.Reach"/>.
/// </summary>
internal static class KeypointSimilarity
{
    public static double Of(double xA, double yA, double xB, double yB, double scale, double sigma)
    {
        double dx = xA - xB;
        double dy = yA - yB;
        return DistanceKernel.Similarity(Math.Sqrt((dx * dx) + (dy * dy)), scale, sigma);
    }
}
