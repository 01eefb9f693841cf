using NetTopologySuite.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using NetTopologySuite.Geometries.Utilities;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// A valid polygonal region (polygon or multipolygon, holes allowed) prepared for <see cref="PolygonOverlap"/>: its
/// oriented boundary as flat arrays (<see cref="PolygonRings"/>), its area and envelope, computed once per instance
/// rather than once per compared pair.
/// </summary>
internal sealed class PolygonalShape
{
    private PolygonalShape(PolygonRings rings, bool repaired)
    {
        Rings = rings;
        Repaired = repaired;
    }

    public PolygonRings Rings { get; }

    public double Area => Rings.Area;

    public Envelope Envelope => Rings.Envelope;

    /// <summary>Whether the input was invalid (e.g. self-intersecting) and was repaired.</summary>
    public bool Repaired { get; }

    /// <summary>
    /// Prepares a polygonal geometry. Invalid input is repaired the way the annotation domain's
    /// policy repairs polygons (NetTopologySuite's <see cref="GeometryFixer"/>, which keeps every
    /// area the rings enclose, unlike buffer(0) that drops the lobes of a bow-tie), and anything
    /// that is not polygonal after repair is reduced to its polygonal part.
    /// </summary>
    public static PolygonalShape From(NtsGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry is IPolygonal && geometry.IsValid)
        {
            return new PolygonalShape(PolygonRings.FromGeometry(geometry), repaired: false);
        }

        NtsGeometry fixedGeometry = PolygonalPart(GeometryFixer.Fix(geometry));
        return new PolygonalShape(PolygonRings.FromGeometry(fixedGeometry), repaired: true);
    }

    /// <summary>Prepares a polygon the caller has just found valid, without checking again.</summary>
    public static PolygonalShape FromValid(Polygon polygon) => new(PolygonRings.FromGeometry(polygon), repaired: false);

    /// <summary>
    /// Prepares a ring the caller has proven simple (e.g. with the domain's <c>SimpleRingTest</c>), so no validity
    /// check and no NetTopologySuite geometry are needed.
    /// </summary>
    public static PolygonalShape FromSimpleRing(IReadOnlyList<FuncLabel.Domain.Geometry.PixelPoint> vertices) =>
        new(PolygonRings.FromRing(vertices), repaired: false);

    private static NtsGeometry PolygonalPart(NtsGeometry geometry)
    {
        if (geometry is IPolygonal)
        {
            return geometry;
        }

        var polygons = new List<Polygon>();
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon && !polygon.IsEmpty)
            {
                polygons.Add(polygon);
            }
        }

        return geometry.Factory.CreateMultiPolygon([.. polygons]);
    }
}
