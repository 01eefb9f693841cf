using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Shapes;

/// <summary>
/// Converts annotation geometry to <see cref="PreparedShape"/>s, once per instance and scoring run.
/// </summary>
internal sealed class ShapePreparation
{
    public static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    public ShapePreparation(ScoringOptions options, AssetExtent extent)
    {
        Options = options;
        Scale = extent is { Width: int width, Height: int height } && width > 0 && height > 0
            ? Math.Sqrt((double)width * height)
            : options.FallbackScale;
        PointReach = DistanceKernel.Reach(options.MatchThreshold, Scale, options.PointSigma);
        PolylineReach = DistanceKernel.Reach(options.MatchThreshold, Scale, options.PolylineSigma);
    }

    public ScoringOptions Options { get; }

    /// <summary>The scale s distances are judged against: √(asset area), else the fallback.</summary>
    public double Scale { get; }

    public double PointReach { get; }

    public double PolylineReach { get; }

    /// <summary>
    /// Prepares a geometry. Polygons are closed and, if invalid (possible only for input that did
    /// not pass through <see cref="GeometryPolicy"/>), repaired by that same policy first.
    /// </summary>
    public PreparedShape Prepare(AnnotationGeometry geometry) => geometry switch
    {
        BoundingBox box => new PreparedBox(AxisBox.FromLeftTop(box.Left, box.Top, box.Width, box.Height)),
        PolygonGeometry polygon => new PreparedPolygon(PreparePolygon(polygon)),
        MaskGeometry mask => new PreparedMask(RunLengthMask.FromCounts(mask.Runs.AsImmutableArray().AsSpan(), mask.Width, mask.Height, columnMajor: false)),
        PointGeometry point => new PreparedPoint(point.X, point.Y, PointReach),
        PolylineGeometry line => new PreparedPolyline(SampledPolyline.From([.. line.Points.Select(p => (p.X, p.Y))], Options.PolylineSamples), PolylineReach),
        TextSpan span => new PreparedSpan(span.Start, span.End),
        _ => throw new ArgumentException($"Geometry {geometry.GetType().Name} cannot be scored; fetch and decode mask references first.", nameof(geometry)),
    };

    /// <summary>
    /// One validity check per polygon, the costliest step of preparation, made cheap: the domain's
    /// <see cref="SimpleRingTest"/> (the filter ingestion already applies) proves the common clean ring simple without
    /// building NetTopologySuite geometry; only a ring it cannot prove goes to NetTopologySuite's exact check, and a
    /// ring that fails that is repaired by the domain's policy.
    /// </summary>
    private static PolygonalShape PreparePolygon(PolygonGeometry polygon)
    {
        if (SimpleRingTest.Classify(polygon.Points) == RingVerdict.Simple)
        {
            return PolygonalShape.FromSimpleRing(polygon.Points);
        }

        Polygon candidate = ToPolygon(polygon);
        if (candidate.IsValid)
        {
            return PolygonalShape.FromValid(candidate);
        }

        PolygonGeometry repaired = GeometryPolicy.Check(polygon, AssetExtent.Unknown).Geometry as PolygonGeometry
            ?? throw new ArgumentException("The polygon is degenerate and cannot be scored.", nameof(polygon));
        return PolygonalShape.From(ToPolygon(repaired));
    }

    private static Polygon ToPolygon(PolygonGeometry polygon)
    {
        var coordinates = new List<Coordinate>(polygon.Points.Count + 1);
        foreach (PixelPoint point in polygon.Points)
        {
            coordinates.Add(new Coordinate(point.X, point.Y));
        }

        if (!coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0].Copy());
        }

        return Factory.CreatePolygon([.. coordinates]);
    }
}
