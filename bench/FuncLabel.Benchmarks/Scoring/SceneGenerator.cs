using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>A gold and a candidate annotation list for one asset.</summary>
internal sealed record Scene(IReadOnlyList<Annotation> Gold, IReadOnlyList<Annotation> Candidate, AssetExtent Extent);

/// <summary>
/// Seeded scenes for the matching benchmarks.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Boxes"/> and <see cref="Polygons"/>: N gold instances of 5 classes placed uniformly
/// in a square, one jittered copy of each in the candidate (position ±10 % of the size, size
/// ±10 %, 3 % relabelled to another class), plus 10 % spurious candidates placed uniformly. The
/// square's side is chosen so that each gold envelope meets about 5 candidate envelopes: for
/// envelopes of mean size d, the expected count is 1.1N·(2d)²/L², so L = 2d·√(1.1N/5)
/// (<see cref="SceneStatsCommand"/> prints the measured figure). Boxes are 20–60 px a side;
/// polygons are non-convex stars of 8–64 vertices, radius 15–35 px.
/// </para>
/// <para>
/// <see cref="AllOverlapping"/>: the worst case, N gold and N candidate boxes of one class, all
/// about 100 px and centred within ±8 px of the same point, so every pair matches and the sparse
/// graph is one dense N × N component.
/// </para>
/// </remarks>
internal static class SceneGenerator
{
    private static readonly string[] Classes = ["car", "bus", "person", "bike", "sign"];

    public static Scene Boxes(int n, int seed)
    {
        var random = new Random(seed);
        double side = 2 * 40 * Math.Sqrt(1.1 * n / 5);
        var gold = new List<Annotation>(n);
        var candidate = new List<Annotation>(n + (n / 10));
        for (int i = 0; i < n; i++)
        {
            double w = 20 + (40 * random.NextDouble()), h = 20 + (40 * random.NextDouble());
            double x = random.NextDouble() * side, y = random.NextDouble() * side;
            string classId = Classes[random.Next(Classes.Length)];
            gold.Add(Object(random, classId, new BoundingBox(x, y, w, h)));
            candidate.Add(Object(random, Relabel(random, classId), new BoundingBox(
                x + (w * Jitter(random)), y + (h * Jitter(random)), w * (1 + Jitter(random)), h * (1 + Jitter(random)))));
        }

        for (int i = 0; i < n / 10; i++)
        {
            candidate.Add(Object(random, Classes[random.Next(Classes.Length)], new BoundingBox(
                random.NextDouble() * side, random.NextDouble() * side, 20 + (40 * random.NextDouble()), 20 + (40 * random.NextDouble()))));
        }

        return new Scene(gold, Shuffle(random, candidate), AssetExtent.Image((int)side + 100, (int)side + 100));
    }

    public static Scene Polygons(int n, int seed)
    {
        var random = new Random(seed);
        double side = 2 * 50 * Math.Sqrt(1.1 * n / 5);
        var gold = new List<Annotation>(n);
        var candidate = new List<Annotation>(n + (n / 10));
        for (int i = 0; i < n; i++)
        {
            double r = 15 + (20 * random.NextDouble());
            double x = random.NextDouble() * side, y = random.NextDouble() * side;
            Polygon star = PolygonPairGenerator.Star(random, x, y, r, withHole: false);
            Polygon copy = PolygonPairGenerator.Jitter(random, star, x, y, 0.1, r * Jitter(random), r * Jitter(random));
            string classId = Classes[random.Next(Classes.Length)];
            gold.Add(Object(random, classId, ToGeometry(star)));
            candidate.Add(Object(random, Relabel(random, classId), ToGeometry(copy)));
        }

        for (int i = 0; i < n / 10; i++)
        {
            double r = 15 + (20 * random.NextDouble());
            Polygon star = PolygonPairGenerator.Star(random, random.NextDouble() * side, random.NextDouble() * side, r, withHole: false);
            candidate.Add(Object(random, Classes[random.Next(Classes.Length)], ToGeometry(star)));
        }

        return new Scene(gold, Shuffle(random, candidate), AssetExtent.Unknown);
    }

    public static Scene AllOverlapping(int n, int seed)
    {
        var random = new Random(seed);
        BoundingBox Near() => new(450 + (16 * random.NextDouble()), 450 + (16 * random.NextDouble()), 95 + (10 * random.NextDouble()), 95 + (10 * random.NextDouble()));
        var gold = Enumerable.Range(0, n).Select(_ => Object(random, "car", Near())).ToList();
        var candidate = Enumerable.Range(0, n).Select(_ => Object(random, "car", Near())).ToList();
        return new Scene(gold, candidate, AssetExtent.Image(1000, 1000));
    }

    private static Annotation Object(Random random, string classId, AnnotationGeometry geometry)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return new Annotation(new Guid(bytes), classId, geometry, ValueList<Classification>.Empty, AnnotationSource.Human);
    }

    private static string Relabel(Random random, string classId) =>
        random.NextDouble() < 0.03 ? Classes[(Array.IndexOf(Classes, classId) + 1) % Classes.Length] : classId;

    private static double Jitter(Random random) => 0.1 * ((2 * random.NextDouble()) - 1);

    private static PolygonGeometry ToGeometry(Polygon polygon) =>
        new(polygon.Shell.Coordinates.Take(polygon.Shell.NumPoints - 1).Select(c => new PixelPoint(c.X, c.Y)).ToValueList());

    private static List<Annotation> Shuffle(Random random, List<Annotation> items)
    {
        Annotation[] array = [.. items];
        random.Shuffle(array);
        return [.. array];
    }
}
