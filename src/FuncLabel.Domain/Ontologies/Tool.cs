namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// How instances of an ontology class are drawn or answered. Serialized as lower snake_case
/// (<c>bbox</c>, <c>polygon</c>, …, <c>text</c>) by <see cref="Serialization.FuncLabelJson"/>.
/// </summary>
public enum Tool
{
    /// <summary>Axis-aligned box; geometry <see cref="Geometry.BoundingBox"/>.</summary>
    Bbox,

    /// <summary>Closed simple polygon without holes; geometry <see cref="Geometry.PolygonGeometry"/>.</summary>
    Polygon,

    /// <summary>A single point; geometry <see cref="Geometry.PointGeometry"/>.</summary>
    Point,

    /// <summary>An open line string; geometry <see cref="Geometry.PolylineGeometry"/>.</summary>
    Polyline,

    /// <summary>A pixel mask; geometry <see cref="Geometry.MaskGeometry"/> (or an unresolved <see cref="Geometry.MaskBlobReference"/>).</summary>
    Mask,

    /// <summary>A text span (named entity); geometry <see cref="Geometry.TextSpan"/>.</summary>
    Entity,

    /// <summary>Single choice among options; answer <see cref="Annotations.RadioAnswer"/>.</summary>
    Radio,

    /// <summary>Any subset of options; answer <see cref="Annotations.ChecklistAnswer"/>.</summary>
    Checklist,

    /// <summary>Free text; answer <see cref="Annotations.TextAnswer"/>.</summary>
    Text,
}

/// <summary>Groups tools into objects (carry geometry) and classifications (carry an answer).</summary>
public static class ToolKinds
{
    /// <summary>True for tools whose instances carry a geometry (bbox … entity).</summary>
    public static bool IsObject(this Tool tool) => tool is Tool.Bbox or Tool.Polygon or Tool.Point or Tool.Polyline or Tool.Mask or Tool.Entity;

    /// <summary>True for tools whose instances carry an answer (radio, checklist, text).</summary>
    public static bool IsClassification(this Tool tool) => tool is Tool.Radio or Tool.Checklist or Tool.Text;

    /// <summary>True for the classification tools that have options (radio, checklist).</summary>
    public static bool HasOptions(this Tool tool) => tool is Tool.Radio or Tool.Checklist;
}
