using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Geometry;

/// <summary>An axis-aligned box in pixels: top-left corner (<paramref name="Left"/>, <paramref name="Top"/>) and a
/// non-negative size. Matches Labelbox's <c>bbox {top, left, height, width}</c>.</summary>
public sealed record BoundingBox(double Left, double Top, double Width, double Height) : AnnotationGeometry
{
    public override Tool Tool => Tool.Bbox;

    /// <summary>Left + Width.</summary>
    public double Right => Left + Width;

    /// <summary>Top + Height.</summary>
    public double Bottom => Top + Height;

    public double Area => Width * Height;
}
