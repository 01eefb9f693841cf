using FsCheck.Xunit;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>
/// The boundary-integral intersection (the fast path of polygon IoU) against NetTopologySuite's OverlayNG (the
/// general path it replaces): on pairs in general position the fast path must answer and agree; on pairs built to
/// touch (shared edges, vertices on edges, shared vertices, integer grids full of collinear edges) the combined
/// <see cref="PolygonOverlap"/> must still agree, whichever path answers.
/// </summary>
public sealed class BoundaryIntersectionProperties
{
    private const double Tolerance = 1e-9;
    private static readonly GeometryFactory Factory = new();

    [Property(MaxTest = 300)]
    public bool TryArea_GeneralPosition_AnswersAndMatchesOverlay(int seed)
    {
        var random = new Random(seed);
        Polygon a = Star(random, 100, 100, 60, hole: random.NextDouble() < 0.3, grid: 0);
        Polygon b = Star(random, 100 + Offset(random, 80), 100 + Offset(random, 80), 60, hole: random.NextDouble() < 0.3, grid: 0);
        PolygonalShape x = PolygonalShape.From(a), y = PolygonalShape.From(b);
        double reference = PolygonOverlap.OverlayArea(a, b);
        return BoundaryIntersection.TryArea(x.Rings, y.Rings, out double area)
            && BoundaryIntersection.TryArea(y.Rings, x.Rings, out double reverse)
            && Math.Abs(area - reference) <= Tolerance * Math.Max(1, reference)
            && Math.Abs(reverse - reference) <= Tolerance * Math.Max(1, reference);
    }

    [Property(MaxTest = 300)]
    public bool PolygonOverlap_IntegerGrid_MatchesOverlay(int seed)
    {
        // Vertices on a coarse integer grid: collinear edges, vertices on edges and shared vertices are frequent.
        var random = new Random(seed);
        Polygon a = Star(random, 20, 20, 12, hole: random.NextDouble() < 0.3, grid: 1);
        Polygon b = Star(random, 20 + Math.Round(Offset(random, 10)), 20 + Math.Round(Offset(random, 10)), 12, hole: random.NextDouble() < 0.3, grid: 1);
        if (!a.IsValid || !b.IsValid)
        {
            return true;
        }

        return Agrees(a, b) && Agrees(b, a);
    }

    [Property(MaxTest = 200)]
    public bool PolygonOverlap_SharedEdgeAndVertexOnEdge_MatchesOverlay(int seed)
    {
        var random = new Random(seed);
        Polygon a = Star(random, 100, 100, 60, hole: false, grid: 0);
        Coordinate[] ring = a.Shell.Coordinates;
        int k = random.Next(0, ring.Length - 1);
        Coordinate from = ring[k], to = ring[k + 1];

        // Mirror A across one of its edges (touching along the whole edge), or fold a triangle onto the same side
        // (overlapping, the edge shared with both regions on one side), or put a triangle's vertex on the edge's midpoint.
        Polygon mirrored = Reflect(a, from, to);
        Polygon sameSide = Triangle(from, to, Inward(a, from, to, 0.3));
        Coordinate middle = new(0.5 * (from.X + to.X), 0.5 * (from.Y + to.Y));
        Polygon vertexOnEdge = Triangle(middle, Inward(a, from, to, -0.5, shift: 0.2), Inward(a, from, to, -0.5, shift: -0.2));
        Polygon pokingIn = Triangle(middle, Inward(a, from, to, 0.5, shift: 0.2), Inward(a, from, to, 0.5, shift: -0.2));
        return new[] { mirrored, sameSide, vertexOnEdge, pokingIn }.All(b => !b.IsValid || (Agrees(a, b) && Agrees(b, a)));
    }

    [Fact]
    public void TryArea_SharedEdge_Declines()
    {
        PolygonalShape left = PolygonalShape.From(Factory.CreatePolygon([new(0, 0), new(2, 0), new(2, 2), new(0, 2), new(0, 0)]));
        PolygonalShape right = PolygonalShape.From(Factory.CreatePolygon([new(2, 0), new(4, 1), new(2, 2), new(2, 0)]));

        Assert.False(BoundaryIntersection.TryArea(left.Rings, right.Rings, out _));
        Assert.Equal(0.0, PolygonOverlap.Of(left, right));
    }

    [Fact]
    public void TryArea_CrossingSquares_HandComputed()
    {
        PolygonalShape square = PolygonalShape.From(Factory.CreatePolygon([new(0, 0), new(4, 0), new(4, 4), new(0, 4), new(0, 0)]));
        // |x − 4.5| + |y − 4.5| ≤ 3 cut by x ≤ 4, y ≤ 4: x + y ≥ 6, the triangle (2, 4), (4, 2), (4, 4).
        PolygonalShape diamond = PolygonalShape.From(Factory.CreatePolygon([new(4.5, 1.5), new(7.5, 4.5), new(4.5, 7.5), new(1.5, 4.5), new(4.5, 1.5)]));

        Assert.True(BoundaryIntersection.TryArea(square.Rings, diamond.Rings, out double area));
        Assert.Equal(2.0, area, 12);
    }

    [Fact]
    public void TryArea_HoleAroundOther_IsZeroAndContainedIsWhole()
    {
        PolygonalShape ring = PolygonalShape.From(Factory.CreatePolygon(
            Factory.CreateLinearRing([new(0, 0), new(10, 0), new(10, 10), new(0, 10), new(0, 0)]),
            [Factory.CreateLinearRing([new(2, 2), new(8, 2), new(8, 8), new(2, 8), new(2, 2)])]));
        PolygonalShape inHole = PolygonalShape.From(Factory.CreatePolygon([new(3, 3), new(7, 3.5), new(6, 7), new(3, 3)]));
        PolygonalShape overHole = PolygonalShape.From(Factory.CreatePolygon([new(1, 1), new(9, 1.5), new(9, 9), new(1.5, 9), new(1, 1)]));

        Assert.True(BoundaryIntersection.TryArea(ring.Rings, inHole.Rings, out double none));
        Assert.Equal(0.0, none);
        Assert.True(BoundaryIntersection.TryArea(ring.Rings, overHole.Rings, out double frame));
        Assert.Equal(PolygonOverlap.OverlayArea(ring.Geometry, overHole.Geometry), frame, 9);
    }

    private static bool Agrees(Polygon a, Polygon b)
    {
        double reference = PolygonOverlap.OverlayArea(a, b);
        double union = a.Area + b.Area - reference;
        double expected = union <= 0 ? 0 : reference / union;
        return Math.Abs(PolygonOverlap.Of(PolygonalShape.From(a), PolygonalShape.From(b)) - expected) <= Tolerance;
    }

    private static double Offset(Random random, double range) => ((random.NextDouble() * 2) - 1) * range;

    /// <summary>A star-shaped non-convex polygon, optionally holed and snapped to a grid of the given step (0: none).</summary>
    private static Polygon Star(Random random, double x, double y, double radius, bool hole, double grid)
    {
        LinearRing Ring(int n, double scale, bool clockwise)
        {
            var points = new Coordinate[n + 1];
            for (int i = 0; i < n; i++)
            {
                int k = clockwise ? n - 1 - i : i;
                double angle = 2 * Math.PI * (k + (0.8 * random.NextDouble())) / n;
                double r = scale * (0.5 + (0.5 * random.NextDouble()));
                double px = x + (r * Math.Cos(angle)), py = y + (r * Math.Sin(angle));
                points[i] = grid > 0 ? new Coordinate(Math.Round(px / grid) * grid, Math.Round(py / grid) * grid) : new Coordinate(px, py);
            }

            points[n] = points[0].Copy();
            return Factory.CreateLinearRing(points);
        }

        LinearRing shell = Ring(random.Next(8, grid > 0 ? 14 : 40), radius, clockwise: false);
        return Factory.CreatePolygon(shell, hole ? [Ring(6, 0.25 * radius, clockwise: true)] : []);
    }

    private static Polygon Triangle(Coordinate a, Coordinate b, Coordinate c) => Factory.CreatePolygon([a.Copy(), b.Copy(), c.Copy(), a.Copy()]);

    /// <summary>A point off the edge's midpoint along its normal towards A's interior (negative: away), shifted along the edge.</summary>
    private static Coordinate Inward(Polygon a, Coordinate from, Coordinate to, double depth, double shift = 0)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y;
        double mx = from.X + ((0.5 + shift) * dx), my = from.Y + ((0.5 + shift) * dy);
        Coordinate left = new(mx - (depth * dy), my + (depth * dx));
        Coordinate probe = new(0.5 * (from.X + to.X) - (1e-3 * dy), 0.5 * (from.Y + to.Y) + (1e-3 * dx));
        bool leftIsInside = a.Contains(Factory.CreatePoint(probe));
        return leftIsInside ? left : new Coordinate(mx + (depth * dy), my - (depth * dx));
    }

    private static Polygon Reflect(Polygon polygon, Coordinate from, Coordinate to)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y, length = (dx * dx) + (dy * dy);
        Coordinate[] mirrored = [.. polygon.Shell.Coordinates.Select(c =>
        {
            double t = (((c.X - from.X) * dx) + ((c.Y - from.Y) * dy)) / length;
            double px = from.X + (t * dx), py = from.Y + (t * dy);
            return new Coordinate((2 * px) - c.X, (2 * py) - c.Y);
        })];

        // Reflection moves the edge's own endpoints by rounding; pin them so the shared edge is exactly shared.
        for (int i = 0; i < mirrored.Length; i++)
        {
            if (polygon.Shell.Coordinates[i].Equals2D(from))
            {
                mirrored[i] = from.Copy();
            }
            else if (polygon.Shell.Coordinates[i].Equals2D(to))
            {
                mirrored[i] = to.Copy();
            }
        }

        return Factory.CreatePolygon(mirrored);
    }
}

/// <summary>The exact orientation predicate on configurations where the floating-point determinant is unreliable.</summary>
public sealed class ExactOrientationTests
{
    [Fact]
    public void Sign_CollinearAndBarelyOff_Exact()
    {
        Assert.Equal(0, ExactOrientation.Sign(0, 0, 1, 1, 3, 3));
        Assert.Equal(1, ExactOrientation.Sign(0, 0, 1, 1, 3, 3 + Math.Pow(2, -51)));
        Assert.Equal(-1, ExactOrientation.Sign(0, 0, 1, 1, 3 + Math.Pow(2, -51), 3));
        Assert.Equal(0, ExactOrientation.Sign(0.5, 0.5, 12.0, 12.0, 24.0, 24.0));
    }

    [Property(MaxTest = 500)]
    public bool Sign_ConsistentUnderPermutation(int seed)
    {
        // Points near a line through large coordinates, where rounding makes floating-point signs disagree.
        var random = new Random(seed);
        double x0 = random.NextDouble() * 1e6, y0 = random.NextDouble() * 1e6, dx = random.NextDouble(), dy = random.NextDouble();
        (double X, double Y) P(double t) => (x0 + (t * dx), y0 + (t * dy));
        var (ax, ay) = P(random.NextDouble());
        var (bx, by) = P(1 + random.NextDouble());
        var (cx, cy) = P(2 + random.NextDouble());
        int s = ExactOrientation.Sign(ax, ay, bx, by, cx, cy);
        return s == ExactOrientation.Sign(bx, by, cx, cy, ax, ay)
            && s == ExactOrientation.Sign(cx, cy, ax, ay, bx, by)
            && s == -ExactOrientation.Sign(bx, by, ax, ay, cx, cy)
            && s == -ExactOrientation.Sign(ax, ay, cx, cy, bx, by);
    }
}
