namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// Similarity of two polylines: the symmetric mean distance between them, through the same
/// Gaussian as points (<see cref="DistanceKernel"/>).
/// </summary>
/// <remarks>
/// <para>
/// Each line is resampled to the same number of points evenly spaced along its length (ends
/// included); the distance from A to B is the mean distance from A's samples to the nearest point
/// of B's segments, and the score uses the average of both directions. Averaging both directions
/// penalises a line that is too short or too long as well as one that is offset; measuring to
/// B's segments rather than its samples makes identical lines score exactly 1 whatever their vertex
/// spacing; direction of drawing does not matter. Cost O(k·(n + m)) for k samples.
/// </para>
/// <para>
/// Chosen over buffered IoU (IoU of both lines thickened by a width w) because that needs an
/// arbitrary w that changes the score more than the annotation does (two parallel lines w apart
/// drop from 1 to 0 as w shrinks), and because buffering in NetTopologySuite costs one to two
/// orders of magnitude more than this. The distance form is also the one points already use, so a
/// project sets one tolerance (σ relative to the asset size) for both tools.
/// </para>
/// </remarks>
internal static class PolylineSimilarity
{
    public static double Of(SampledPolyline a, SampledPolyline b, double scale, double sigma) =>
        DistanceKernel.Similarity(MeanDistance(a, b), scale, sigma);

    /// <summary>The symmetric mean distance in pixels between two sampled polylines.</summary>
    public static double MeanDistance(SampledPolyline a, SampledPolyline b) =>
        0.5 * (OneWay(a, b) + OneWay(b, a));

    private static double OneWay(SampledPolyline from, SampledPolyline to)
    {
        double sum = 0;
        for (int k = 0; k < from.SampleXs.Length; k++)
        {
            sum += to.DistanceTo(from.SampleXs[k], from.SampleYs[k]);
        }

        return sum / from.SampleXs.Length;
    }
}
