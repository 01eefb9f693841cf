using System.Text.Json.Serialization;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// The geometry of an object annotation. Closed hierarchy: <see cref="BoundingBox"/>, <see cref="PolygonGeometry"/>,
/// <see cref="PointGeometry"/>, <see cref="PolylineGeometry"/>, <see cref="MaskGeometry"/>,
/// <see cref="MaskBlobReference"/> (a mask not yet fetched) and <see cref="TextSpan"/>.
/// </summary>
/// <remarks>
/// Image coordinates are pixels with the origin at the top-left. Instances hold values that passed
/// <see cref="GeometryPolicy"/> (finite, non-negative sizes, enough distinct points, simple polygons), but the
/// constructors themselves do not re-check, so code that builds geometry from untrusted input must go through the
/// policy. Stored as JSON with a <c>kind</c> discriminator.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BoundingBox), "bbox")]
[JsonDerivedType(typeof(PolygonGeometry), "polygon")]
[JsonDerivedType(typeof(PointGeometry), "point")]
[JsonDerivedType(typeof(PolylineGeometry), "polyline")]
[JsonDerivedType(typeof(MaskGeometry), "mask")]
[JsonDerivedType(typeof(MaskBlobReference), "mask_blob")]
[JsonDerivedType(typeof(TextSpan), "entity")]
public abstract record AnnotationGeometry
{
    private protected AnnotationGeometry()
    {
    }

    /// <summary>The ontology tool that draws this kind of geometry.</summary>
    [JsonIgnore]
    public abstract Ontologies.Tool Tool { get; }
}
