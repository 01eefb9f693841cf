using FsCheck.Xunit;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>
/// Properties every overlap measure must have: symmetric, IoU(a, a) = 1, disjoint → 0, within
/// [0, 1], invariant under translation. FsCheck supplies the seeds; shapes are built from them.
/// </summary>
public sealed class SimilarityProperties
{
    private const double Tolerance = 1e-9;
    private static readonly GeometryFactory Factory = new();

    [Property(MaxTest = 300)]
    public bool BoxOverlap_Properties(int seed)
    {
        var random = new Random(seed);
        AxisBox a = RandomBox(random);
        AxisBox b = RandomBox(random);
        (double dx, double dy) = Shift(random);
        AxisBox far = new(a.MaxX + 1 + b.MinX, b.MinY, a.MaxX + 1 + b.MaxX, b.MaxY);
        double iou = BoxOverlap.Of(a, b);
        return iou == BoxOverlap.Of(b, a)
            && BoxOverlap.Of(a, a) == 1.0
            && BoxOverlap.Of(a, far) == 0.0
            && iou is >= 0 and <= 1
            && Math.Abs(iou - BoxOverlap.Of(Move(a, dx, dy), Move(b, dx, dy))) < Tolerance;
    }

    [Property(MaxTest = 150)]
    public bool PolygonOverlap_Properties(int seed)
    {
        var random = new Random(seed);
        Polygon a = RandomStar(random, 50, 50);
        Polygon b = RandomStar(random, 50 + (random.NextDouble() * 60) - 30, 50 + (random.NextDouble() * 60) - 30);
        (double dx, double dy) = Shift(random);
        double iou = PolygonOverlap.Of(Shape(a), Shape(b));
        return Math.Abs(iou - PolygonOverlap.Of(Shape(b), Shape(a))) < Tolerance
            && PolygonOverlap.Of(Shape(a), Shape((Polygon)a.Copy())) == 1.0
            && PolygonOverlap.Of(Shape(a), Shape(Translate(b, 500, 0))) == 0.0
            && iou is >= 0 and <= 1
            && PolygonOverlap.UpperBound(Shape(a), Shape(b)) >= iou - Tolerance
            && Math.Abs(iou - PolygonOverlap.Of(Shape(Translate(a, dx, dy)), Shape(Translate(b, dx, dy)))) < Tolerance;
    }

    [Property(MaxTest = 300)]
    public bool MaskOverlap_Properties(int seed)
    {
        var random = new Random(seed);
        const int width = 24;
        const int height = 16;
        bool[] a = RandomPixels(random, width, height);
        bool[] b = RandomPixels(random, width, height);
        int shift = random.Next(0, width);
        RunLengthMask maskA = Mask(a);
        RunLengthMask maskB = Mask(b);
        double iou = MaskOverlap.Of(maskA, maskB);
        bool[] complement = [.. a.Select(p => !p)];
        return iou == MaskOverlap.Of(maskB, maskA)
            && MaskOverlap.Of(maskA, maskA) == 1.0
            && MaskOverlap.Of(maskA, Mask(complement)) == 0.0
            && iou is >= 0 and <= 1
            && Math.Abs(iou - MaskOverlap.Of(Mask(ShiftRight(a, shift, width)), Mask(ShiftRight(b, shift, width)))) < Tolerance;

        RunLengthMask Mask(bool[] pixels) => RunLengthMask.FromCounts(Runs(pixels), 3 * width, height, columnMajor: false);
    }

    [Property(MaxTest = 300)]
    public bool SpanOverlap_Properties(int seed)
    {
        var random = new Random(seed);
        int startA = random.Next(0, 1000);
        int endA = startA + random.Next(0, 50);
        int startB = random.Next(0, 1000);
        int endB = startB + random.Next(0, 50);
        int shift = random.Next(0, 10000);
        double iou = SpanOverlap.Of(startA, endA, startB, endB);
        return iou == SpanOverlap.Of(startB, endB, startA, endA)
            && SpanOverlap.Of(startA, endA, startA, endA) == 1.0
            && SpanOverlap.Of(startA, endA, endA + 1, endA + 1 + (endB - startB)) == 0.0
            && iou is >= 0 and <= 1
            && iou == SpanOverlap.Of(startA + shift, endA + shift, startB + shift, endB + shift);
    }

    [Property(MaxTest = 300)]
    public bool KeypointSimilarity_Properties(int seed)
    {
        var random = new Random(seed);
        double x1 = random.NextDouble() * 1000, y1 = random.NextDouble() * 1000;
        double x2 = x1 + (random.NextDouble() * 40) - 20, y2 = y1 + (random.NextDouble() * 40) - 20;
        (double dx, double dy) = Shift(random);
        double similarity = KeypointSimilarity.Of(x1, y1, x2, y2, 1000, 0.01);
        return similarity == KeypointSimilarity.Of(x2, y2, x1, y1, 1000, 0.01)
            && KeypointSimilarity.Of(x1, y1, x1, y1, 1000, 0.01) == 1.0
            && similarity is >= 0 and <= 1
            && Math.Abs(similarity - KeypointSimilarity.Of(x1 + dx, y1 + dy, x2 + dx, y2 + dy, 1000, 0.01)) < Tolerance;
    }

    [Property(MaxTest = 200)]
    public bool PolylineSimilarity_Properties(int seed)
    {
        var random = new Random(seed);
        (double X, double Y)[] a = RandomLine(random);
        (double X, double Y)[] b = [.. a.Select(p => (p.X + (random.NextDouble() * 10) - 5, p.Y + (random.NextDouble() * 10) - 5))];
        (double dx, double dy) = Shift(random);
        double similarity = PolylineSimilarity.Of(Line(a), Line(b), 1000, 0.01);
        return similarity == PolylineSimilarity.Of(Line(b), Line(a), 1000, 0.01)
            && PolylineSimilarity.Of(Line(a), Line(a), 1000, 0.01) == 1.0
            && similarity is >= 0 and <= 1
            && Math.Abs(similarity - PolylineSimilarity.Of(Line(Move(a, dx, dy)), Line(Move(b, dx, dy)), 1000, 0.01)) < Tolerance;
    }

    private static (double, double) Shift(Random random) => ((random.NextDouble() * 2000) - 1000, (random.NextDouble() * 2000) - 1000);

    private static AxisBox RandomBox(Random random)
    {
        double x = random.NextDouble() * 100, y = random.NextDouble() * 100;
        return new AxisBox(x, y, x + 1 + (random.NextDouble() * 60), y + 1 + (random.NextDouble() * 60));
    }

    private static AxisBox Move(AxisBox box, double dx, double dy) => new(box.MinX + dx, box.MinY + dy, box.MaxX + dx, box.MaxY + dy);

    /// <summary>A non-convex star polygon of 8–24 vertices around (x, y), with a hole half the time.</summary>
    private static Polygon RandomStar(Random random, double x, double y)
    {
        LinearRing Ring(int n, double radius, bool reverse)
        {
            var points = new Coordinate[n + 1];
            for (int i = 0; i < n; i++)
            {
                int k = reverse ? n - 1 - i : i;
                double angle = 2 * Math.PI * (k + (0.8 * random.NextDouble())) / n;
                double r = radius * (0.5 + (0.5 * random.NextDouble()));
                points[i] = new Coordinate(x + (r * Math.Cos(angle)), y + (r * Math.Sin(angle)));
            }

            points[n] = points[0].Copy();
            return Factory.CreateLinearRing(points);
        }

        LinearRing shell = Ring(random.Next(8, 25), 40, reverse: false);
        LinearRing[] holes = random.NextDouble() < 0.5 ? [Ring(8, 10, reverse: true)] : [];
        return Factory.CreatePolygon(shell, holes);
    }

    private static Polygon Translate(Polygon polygon, double dx, double dy) =>
        (Polygon)AffineTransformation.TranslationInstance(dx, dy).Transform(polygon);

    private static PolygonalShape Shape(Polygon polygon) => PolygonalShape.From(polygon);

    private static bool[] RandomPixels(Random random, int width, int height)
    {
        // Drawn in the left third of a 3·width-wide mask, so shifting right by < width never leaves it.
        var pixels = new bool[3 * width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                pixels[(y * 3 * width) + x] = random.NextDouble() < 0.4;
            }
        }

        return pixels;
    }

    private static bool[] ShiftRight(bool[] pixels, int shift, int width)
    {
        var moved = new bool[pixels.Length];
        int stride = 3 * width;
        for (int i = 0; i < pixels.Length; i++)
        {
            if (pixels[i])
            {
                moved[((i / stride) * stride) + (i % stride) + shift] = true;
            }
        }

        return moved;
    }

    private static int[] Runs(bool[] pixels)
    {
        var runs = new List<int>();
        bool current = false;
        int length = 0;
        foreach (bool pixel in pixels)
        {
            if (pixel != current)
            {
                runs.Add(length);
                current = pixel;
                length = 0;
            }

            length++;
        }

        runs.Add(length);
        return [.. runs];
    }

    private static (double X, double Y)[] RandomLine(Random random)
    {
        int n = random.Next(2, 12);
        double x = random.NextDouble() * 500, y = random.NextDouble() * 500;
        return [.. Enumerable.Range(0, n).Select(i => (x + (i * 20) + (random.NextDouble() * 10), y + (random.NextDouble() * 40)))];
    }

    private static (double X, double Y)[] Move((double X, double Y)[] points, double dx, double dy) => [.. points.Select(p => (p.X + dx, p.Y + dy))];

    private static SampledPolyline Line((double X, double Y)[] points) => SampledPolyline.From(points, 32);
}
