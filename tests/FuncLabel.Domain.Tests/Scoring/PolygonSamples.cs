using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>
/// Polygons for the intersection-area properties, and the oracle they are checked against: NetTopologySuite's
/// OverlayNG (the overlay GEOS 3.9+ and Shapely run), which builds the intersection itself.
/// </summary>
internal static class PolygonSamples
{
    public const double Tolerance = 1e-9;
    public static readonly GeometryFactory Factory = new();

    /// <summary>|A ∩ B| by OverlayNG.</summary>
    public static double OverlayArea(NetTopologySuite.Geometries.Geometry a, NetTopologySuite.Geometries.Geometry b) => OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection).Area;

    public static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= Tolerance * Math.Max(1, Math.Abs(expected));

    public static double Offset(Random random, double range) => ((random.NextDouble() * 2) - 1) * range;

    /// <summary>A star-shaped non-convex polygon, optionally holed and snapped to a grid of the given step (0: none).</summary>
    public static Polygon Star(Random random, double x, double y, double radius, bool hole, double grid)
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

    public static Polygon Triangle(Coordinate a, Coordinate b, Coordinate c) => Factory.CreatePolygon([a.Copy(), b.Copy(), c.Copy(), a.Copy()]);

    public static Polygon Ring(params Coordinate[] points) => Factory.CreatePolygon([.. points.Select(p => p.Copy()), points[0].Copy()]);

    /// <summary>A point off the edge's midpoint along its normal towards A's interior (negative: away), shifted along the edge.</summary>
    public static Coordinate Inward(Polygon a, Coordinate from, Coordinate to, double depth, double shift = 0)
    {
        double dx = to.X - from.X, dy = to.Y - from.Y;
        double mx = from.X + ((0.5 + shift) * dx), my = from.Y + ((0.5 + shift) * dy);
        Coordinate left = new(mx - (depth * dy), my + (depth * dx));
        Coordinate probe = new(0.5 * (from.X + to.X) - (1e-3 * dy), 0.5 * (from.Y + to.Y) + (1e-3 * dx));
        bool leftIsInside = a.Contains(Factory.CreatePoint(probe));
        return leftIsInside ? left : new Coordinate(mx + (depth * dy), my - (depth * dx));
    }

    /// <summary>The polygon mirrored across the line of one of its edges, that edge's endpoints kept exactly.</summary>
    public static Polygon Reflect(Polygon polygon, Coordinate from, Coordinate to)
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
