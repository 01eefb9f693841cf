using BenchmarkDotNet.Attributes;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;

namespace FuncLabel.Benchmarks.Scoring;

/// <summary>
/// Box IoU in closed form against the same boxes through the polygon engines (OverlayNG
/// intersection area, and the boundary-integral kernel the polygon path uses first), and polygon IoU on the
/// generated pairs. Each benchmark is one pass over 1,000 pairs; divide by 1,000 for per pair.
/// </summary>
/// <remarks>
/// Boxes: left/top uniform in [0, 100], sides uniform in [20, 60], seed 8, so most pairs overlap.
/// </remarks>
public class IouBenchmarks
{
    private const int Pairs = 1000;
    private static readonly GeometryFactory Factory = new();
    private static readonly (AxisBox A, AxisBox B)[] Boxes = CreateBoxes();
    private static readonly (Polygon A, Polygon B)[] BoxGeometries = [.. Boxes.Select(p => (ToPolygon(p.A), ToPolygon(p.B)))];
    private static readonly (PolygonalShape A, PolygonalShape B)[] BoxPolygons =
        [.. BoxGeometries.Select(p => (PolygonalShape.From(p.A), PolygonalShape.From(p.B)))];
    private static readonly (PolygonalShape A, PolygonalShape B)[] Polygons =
        [.. PolygonPairGenerator.Generate(Pairs, 8).Select(p => (PolygonalShape.From(p.A), PolygonalShape.From(p.B)))];

    [Benchmark(Baseline = true, OperationsPerInvoke = Pairs)]
    public double BoxIou_ClosedForm()
    {
        double sum = 0;
        foreach ((AxisBox a, AxisBox b) in Boxes)
        {
            sum += BoxOverlap.Of(a, b);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double BoxIou_PolygonEngine()
    {
        double sum = 0;
        foreach ((Polygon a, Polygon b) in BoxGeometries)
        {
            double intersection = OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection).Area;
            sum += intersection / (a.Area + b.Area - intersection);
        }

        return sum;
    }

    /// <summary>The same boxes through the boundary-integral kernel the polygon path uses (the rectangle exit skipped).</summary>
    [Benchmark(OperationsPerInvoke = Pairs)]
    public double BoxIou_BoundaryIntegral()
    {
        double sum = 0;
        foreach ((PolygonalShape a, PolygonalShape b) in BoxPolygons)
        {
            double intersection = PolygonOverlap.IntersectionArea(a, b);
            sum += intersection / (a.Area + b.Area - intersection);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Pairs)]
    public double PolygonIou_GeneratedPairs()
    {
        double sum = 0;
        foreach ((PolygonalShape a, PolygonalShape b) in Polygons)
        {
            sum += PolygonOverlap.Of(a, b);
        }

        return sum;
    }

    private static (AxisBox, AxisBox)[] CreateBoxes()
    {
        var random = new Random(8);
        AxisBox Next()
        {
            double x = random.NextDouble() * 100, y = random.NextDouble() * 100;
            return new AxisBox(x, y, x + 20 + (40 * random.NextDouble()), y + 20 + (40 * random.NextDouble()));
        }

        return [.. Enumerable.Range(0, Pairs).Select(_ => (Next(), Next()))];
    }

    private static Polygon ToPolygon(AxisBox box) => (Polygon)Factory.ToGeometry(new Envelope(box.MinX, box.MaxX, box.MinY, box.MaxY));
}
