using NetTopologySuite.Geometries;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>The kind of relation a generated polygon pair was built to have.</summary>
internal enum PolygonPairKind
{
    Overlapping,
    Identical,
    Contained,
    Touching,
    SharedEdge,
    Disjoint,
}

/// <summary>Two polygons and the relation they were built to have.</summary>
internal sealed record PolygonPair(PolygonPairKind Kind, Polygon A, Polygon B);

/// <summary>
/// Seeded generator of polygon pairs for IoU benchmarks and the GEOS/Shapely comparison.
/// </summary>
/// <remarks>
/// <para>
/// Every polygon is star-shaped around its centre and non-convex: 8–64 vertices (uniform) at
/// jittered angles 2π(i + 0.8u)/n, so no angular gap reaches π/2, with radii uniform in
/// [0.5R, R], R uniform in [20, 300] px, centres uniform in [0, 2000]². A quarter of the
/// polygons get a star-shaped hole of radius ≤ 0.3R around the centre, which always lies inside
/// the shell (a chord between vertices stays at ≥ 0.5R·cos(π/4) from the centre). Coordinates
/// are rounded to 1/1000 px so every reader parses exactly the same doubles from WKT.
/// </para>
/// <para>
/// Pair mix: 50 % overlapping (B keeps A's angles, radii scaled by U[0.85, 1.15], shifted by up
/// to 0.3R), 10 % identical, 10 % contained (B ≤ 0.3R around a hole-free A's centre), 5 %
/// touching (two half-stars on either side of a vertical cut, sharing it fully or partly:
/// collinear boundaries, zero-area intersection), 5 % shared-edge (two different half-stars on
/// the same side of the cut: they overlap and share part of the cut with both regions on one
/// side, as two annotators snapping to the same neighbour's edge do), 20 % disjoint (half far
/// apart, half B inside A's hole, so envelopes overlap while interiors do not).
/// </para>
/// </remarks>
internal static class PolygonPairGenerator
{
    private static readonly GeometryFactory Factory = new();

    public static IReadOnlyList<PolygonPair> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var pairs = new List<PolygonPair>(count);
        for (int i = 0; i < count; i++)
        {
            double roll = random.NextDouble();
            pairs.Add(roll switch
            {
                < 0.5 => Overlapping(random),
                < 0.6 => Identical(random),
                < 0.7 => Contained(random),
                < 0.8 => Touching(random),
                _ => Disjoint(random),
            });
        }

        return pairs;
    }

    /// <summary>One random star polygon as described on the class (used by the scene generator too).</summary>
    public static Polygon Star(Random random, double centreX, double centreY, double radius, bool withHole)
    {
        StarShape shell = NewStar(random, Vertices(random), 0.5, 1.0);
        StarShape? hole = withHole ? NewStar(random, random.Next(8, 17), 0.6, 1.0) : null;
        return Build(shell, hole, centreX, centreY, radius, 0.25 * radius);
    }

    /// <summary>A copy of a polygon built by <see cref="Star"/>-like rules, with every vertex moved radially by a factor in [1 − j, 1 + j] and the whole shifted.</summary>
    public static Polygon Jitter(Random random, Polygon polygon, double centreX, double centreY, double jitter, double shiftX, double shiftY)
    {
        LinearRing Move(LineString ring)
        {
            var points = new Coordinate[ring.NumPoints];
            for (int i = 0; i < ring.NumPoints - 1; i++)
            {
                Coordinate c = ring.GetCoordinateN(i);
                double factor = 1 + (jitter * ((2 * random.NextDouble()) - 1));
                points[i] = Round(centreX + shiftX + ((c.X - centreX) * factor), centreY + shiftY + ((c.Y - centreY) * factor));
            }

            points[^1] = points[0].Copy();
            return Factory.CreateLinearRing(points);
        }

        LinearRing[] holes = [.. polygon.Holes.Select(Move)];
        return Factory.CreatePolygon(Move(polygon.Shell), holes);
    }

    private static PolygonPair Overlapping(Random random)
    {
        (double x, double y, double r) = Placement(random);
        Polygon a = Star(random, x, y, r, withHole: random.NextDouble() < 0.25);
        Polygon b = Jitter(random, a, x, y, 0.15, Shift(random, r), Shift(random, r));
        return new PolygonPair(PolygonPairKind.Overlapping, a, b);
    }

    private static PolygonPair Identical(Random random)
    {
        (double x, double y, double r) = Placement(random);
        Polygon a = Star(random, x, y, r, withHole: random.NextDouble() < 0.25);
        return new PolygonPair(PolygonPairKind.Identical, a, (Polygon)a.Copy());
    }

    private static PolygonPair Contained(Random random)
    {
        (double x, double y, double r) = Placement(random);
        Polygon a = Star(random, x, y, r, withHole: false);
        Polygon b = Build(NewStar(random, Vertices(random), 0.5, 1.0), null, x, y, 0.3 * r, 0);
        return random.NextDouble() < 0.5
            ? new PolygonPair(PolygonPairKind.Contained, a, b)
            : new PolygonPair(PolygonPairKind.Contained, b, a);
    }

    private static PolygonPair Touching(Random random)
    {
        (double x, double y, double r) = Placement(random);
        double half = Math.Round(r * (0.3 + (0.4 * random.NextDouble())), 3);
        double otherHalf = random.NextDouble() < 0.5 ? half : Math.Round(half * (0.5 + (0.4 * random.NextDouble())), 3);
        bool sameSide = random.NextDouble() < 0.5;
        Polygon a = HalfStar(random, x, y, r, half, left: true);
        Polygon b = HalfStar(random, x, y, r, otherHalf, left: sameSide);
        return new PolygonPair(sameSide ? PolygonPairKind.SharedEdge : PolygonPairKind.Touching, a, b);
    }

    private static PolygonPair Disjoint(Random random)
    {
        (double x, double y, double r) = Placement(random);
        if (random.NextDouble() < 0.5)
        {
            Polygon far = Star(random, x, y, r, withHole: random.NextDouble() < 0.25);
            double angle = random.NextDouble() * 2 * Math.PI;
            double distance = (2.05 + random.NextDouble()) * r;
            Polygon other = Star(random, x + (distance * Math.Cos(angle)), y + (distance * Math.Sin(angle)), r, withHole: false);
            return new PolygonPair(PolygonPairKind.Disjoint, far, other);
        }

        Polygon holed = Star(random, x, y, r, withHole: true);
        Polygon inside = Build(NewStar(random, Vertices(random), 0.5, 1.0), null, x, y, 0.1 * r, 0);
        return new PolygonPair(PolygonPairKind.Disjoint, holed, inside);
    }

    private static Polygon HalfStar(Random random, double x, double y, double r, double half, bool left)
    {
        int n = Vertices(random) - 2;
        var points = new List<Coordinate> { Round(x, left ? y - half : y + half) };
        double from = left ? -Math.PI / 2 : Math.PI / 2;
        for (int i = 0; i < n; i++)
        {
            double angle = from - (Math.PI * (i + 0.1 + (0.8 * random.NextDouble())) / n);
            double radius = r * (0.5 + (0.5 * random.NextDouble()));
            points.Add(Round(x + (radius * Math.Cos(angle)), y + (radius * Math.Sin(angle))));
        }

        points.Add(Round(x, left ? y + half : y - half));
        points.Add(points[0].Copy());
        return Factory.CreatePolygon([.. points]);
    }

    private static Polygon Build(StarShape shell, StarShape? hole, double x, double y, double radius, double holeRadius)
    {
        LinearRing shellRing = Factory.CreateLinearRing(shell.Coordinates(x, y, radius, clockwise: false));
        LinearRing[] holes = hole is null ? [] : [Factory.CreateLinearRing(hole.Coordinates(x, y, holeRadius, clockwise: true))];
        return Factory.CreatePolygon(shellRing, holes);
    }

    private static StarShape NewStar(Random random, int n, double minRadius, double maxRadius)
    {
        var angles = new double[n];
        var radii = new double[n];
        for (int i = 0; i < n; i++)
        {
            angles[i] = 2 * Math.PI * (i + (0.8 * random.NextDouble())) / n;
            radii[i] = minRadius + ((maxRadius - minRadius) * random.NextDouble());
        }

        return new StarShape(angles, radii);
    }

    private static (double X, double Y, double R) Placement(Random random) =>
        (random.NextDouble() * 2000, random.NextDouble() * 2000, 20 + (280 * random.NextDouble()));

    private static int Vertices(Random random) => random.Next(8, 65);

    private static double Shift(Random random, double r) => 0.3 * r * ((2 * random.NextDouble()) - 1);

    private static Coordinate Round(double x, double y) => new(Math.Round(x, 3), Math.Round(y, 3));

    private sealed record StarShape(double[] Angles, double[] Radii)
    {
        public Coordinate[] Coordinates(double x, double y, double scale, bool clockwise)
        {
            int n = Angles.Length;
            var points = new Coordinate[n + 1];
            for (int i = 0; i < n; i++)
            {
                int k = clockwise ? n - 1 - i : i;
                points[i] = Round(x + (scale * Radii[k] * Math.Cos(Angles[k])), y + (scale * Radii[k] * Math.Sin(Angles[k])));
            }

            points[n] = points[0].Copy();
            return points;
        }
    }
}
