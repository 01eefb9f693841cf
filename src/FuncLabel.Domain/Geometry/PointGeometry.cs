using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>A single point in pixels. Matches Labelbox's <c>point {x, y}</c>.</summary>
public sealed record PointGeometry(double X, double Y) : AnnotationGeometry
{
    public override Tool Tool => Tool.Point;

    public PixelPoint AsPixelPoint() => new(X, Y);
}
