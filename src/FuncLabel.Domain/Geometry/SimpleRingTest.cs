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

    public static RingVerdict Classify(ValueList<PixelPoint> ring)
    {
        var n = ring.Count;
        if (n < 3 || n > MaxVertices)
        {
            return RingVerdict.Unsure;
        }

        for (var i = 0; i < n; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % n];
            var c = ring[(i + 2) % n];
            var turn = Orientation(a, b, c);
            if (turn == 0)
            {
                return RingVerdict.Unsure;
            }
        }

        for (var i = 0; i < n; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % n];
            double minX = Math.Min(a.X, b.X), maxX = Math.Max(a.X, b.X), minY = Math.Min(a.Y, b.Y), maxY = Math.Max(a.Y, b.Y);
            for (var j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1)
                {
                    continue;
                }

                var c = ring[j];
                var d = ring[(j + 1) % n];
                if (Math.Max(c.X, d.X) < minX || Math.Min(c.X, d.X) > maxX || Math.Max(c.Y, d.Y) < minY || Math.Min(c.Y, d.Y) > maxY)
                {
                    continue;
                }

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
