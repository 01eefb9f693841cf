using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// A fast filter that proves a small ring simple without NetTopologySuite, so the common case (a clean model polygon)
/// skips building NTS geometry; anything it cannot prove goes to NTS's exact validity check.
/// </summary>
/// <remarks>
/// Tests every pair of non-adjacent edges for intersection with the orientation predicate, and every pair of adjacent
/// edges for folding back onto each other: O(n²), which beats NTS's graph construction for the rings pre-labels carry
/// (tens of vertices) and is not attempted above <see cref="MaxVertices"/>. Floating-point orientation is trusted only
/// when it is clearly away from zero (relative to the magnitudes involved); a near-zero value — collinear or touching
/// edges, or rounding doubt — answers <see cref="RingVerdict.Unsure"/> rather than guess. The filter never answers
/// <see cref="RingVerdict.Simple"/> for a ring NTS would call invalid, except in the rounding regime it declines to judge.
/// </remarks>
internal static class SimpleRingTest
{
    public const int MaxVertices = 256;

    private const double RelativeEpsilon = 1e-12;

    public static RingVerdict Classify(ValueList<PixelPoint> points)
    {
        var n = points.Count;
        if (n < 3 || n > MaxVertices)
        {
            return RingVerdict.Unsure;
        }

        var ring = points.AsImmutableArray().AsSpan();
        for (var i = 0; i < n; i++)
        {
            var b = i + 1 < n ? i + 1 : i + 1 - n;
            var c = i + 2 < n ? i + 2 : i + 2 - n;
            if (Orientation(ring[i], ring[b], ring[c]) == 0)
            {
                return RingVerdict.Unsure;
            }
        }

        // Edge i runs from vertex i to vertex i + 1 (the last edge closes the ring). Its bounding box is computed once
        // into contiguous arrays, so the O(n²) pair loop is a run of four comparisons that rejects most pairs without
        // touching the points or dividing for the wrap-around.
        Span<double> minX = stackalloc double[n], maxX = stackalloc double[n], minY = stackalloc double[n], maxY = stackalloc double[n];
        for (var i = 0; i < n; i++)
        {
            PixelPoint a = ring[i], b = ring[i + 1 < n ? i + 1 : 0];
            minX[i] = Math.Min(a.X, b.X);
            maxX[i] = Math.Max(a.X, b.X);
            minY[i] = Math.Min(a.Y, b.Y);
            maxY[i] = Math.Max(a.Y, b.Y);
        }

        for (var i = 0; i < n; i++)
        {
            PixelPoint a = ring[i], b = ring[i + 1 < n ? i + 1 : 0];
            double boxMinX = minX[i], boxMaxX = maxX[i], boxMinY = minY[i], boxMaxY = maxY[i];
            var last = i == 0 ? n - 1 : n;
            for (var j = i + 2; j < last; j++)
            {
                if (maxX[j] < boxMinX || minX[j] > boxMaxX || maxY[j] < boxMinY || minY[j] > boxMaxY)
                {
                    continue;
                }

                PixelPoint c = ring[j], d = ring[j + 1 < n ? j + 1 : 0];
                int o1 = Orientation(a, b, c), o2 = Orientation(a, b, d), o3 = Orientation(c, d, a), o4 = Orientation(c, d, b);
                if (o1 == 0 || o2 == 0 || o3 == 0 || o4 == 0)
                {
                    return RingVerdict.Unsure;
                }

                if (o1 != o2 && o3 != o4)
                {
                    return RingVerdict.SelfIntersecting;
                }
            }
        }

        return RingVerdict.Simple;
    }

    /// <summary>Sign of the cross product (b − a) × (c − a): 1 left turn, −1 right turn, 0 collinear or too close to call.</summary>
    private static int Orientation(PixelPoint a, PixelPoint b, PixelPoint c)
    {
        var left = (b.X - a.X) * (c.Y - a.Y);
        var right = (b.Y - a.Y) * (c.X - a.X);
        var determinant = left - right;
        var bound = RelativeEpsilon * (Math.Abs(left) + Math.Abs(right));
        return determinant > bound ? 1 : determinant < -bound ? -1 : 0;
    }
}

/// <summary>The answer of <see cref="SimpleRingTest.Classify"/>.</summary>
internal enum RingVerdict
{
    Simple,
    SelfIntersecting,
    Unsure,
}
