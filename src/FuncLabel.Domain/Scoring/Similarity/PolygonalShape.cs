using NetTopologySuite.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using NetTopologySuite.Geometries.Utilities;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// A valid polygonal geometry (polygon or multipolygon, holes allowed) prepared for
/// <see cref="PolygonOverlap"/>: its area and envelope are computed once per instance rather than
/// once per compared pair.
/// </summary>
internal sealed class PolygonalShape
{
    private PolygonalShape(NtsGeometry geometry, bool repaired)
    {
        Geometry = geometry;
        Area = geometry.Area;
        Envelope = geometry.EnvelopeInternal;
        Repaired = repaired;
    }

    public NtsGeometry Geometry { get; }

    public double Area { get; }

    public Envelope Envelope { get; }

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
            return new PolygonalShape(geometry, repaired: false);
        }

        NtsGeometry fixedGeometry = GeometryFixer.Fix(geometry);
        return new PolygonalShape(PolygonalPart(fixedGeometry), repaired: true);
    }

    /// <summary>Prepares a polygon the caller has just found valid, without checking again.</summary>
    public static PolygonalShape FromValid(Polygon polygon) => new(polygon, repaired: false);

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
