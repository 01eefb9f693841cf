using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>An open line string in drawing order, at least 2 distinct vertices. Matches Labelbox's <c>line [{x, y}…]</c>.</summary>
public sealed record PolylineGeometry(ValueList<PixelPoint> Points) : AnnotationGeometry
{
    public override Tool Tool => Tool.Polyline;
}
