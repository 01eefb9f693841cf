using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// A simple polygon without holes, given by its vertices in drawing order. The ring is implicitly closed: the
/// first vertex is not repeated at the end. At least 3 distinct vertices.
/// </summary>
public sealed record PolygonGeometry(ValueList<PixelPoint> Points) : AnnotationGeometry
{
    public override Tool Tool => Tool.Polygon;
}
