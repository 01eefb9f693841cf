using System.Collections.Immutable;
using FuncLabel.Domain.Collections;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;

namespace FuncLabel.Domain.Geometry;

/// <summary>
/// The policy for geometry that comes from outside (NDJSON imports, task submissions): what is accepted, what is
/// repaired and what is refused.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Numbers</b>: every coordinate and size must be finite; anything with NaN or ±∞ is <c>Invalid</c>.</item>
/// <item><b>Bounds</b>: coordinates below 0 are outside every image (origin top-left) and coordinates above
/// <see cref="MaxCoordinate"/> outside any image we can ingest → <c>OutOfBounds</c>, whether or not the asset's size is
/// known. When it is known, every vertex, box edge and point must also lie within [0, width] × [0, height]; there is no
/// tolerance, because a pre-label outside its image cannot be drawn by the editor.</item>
/// <item><b>Boxes</b>: negative width or height → <c>Invalid</c>; zero width or height also → <c>Invalid</c> (an empty box
/// has no area, so IoU against it is undefined).</item>
/// <item><b>Polygons</b>: a repeated closing vertex and consecutive duplicates are dropped; fewer than 3 distinct vertices
/// or zero area → <c>Invalid</c>. Validity is decided by NetTopologySuite, after a fast filter (<see cref="SimpleRingTest"/>)
/// that accepts rings it can prove simple without building NTS geometry. A self-intersecting (or otherwise invalid) ring is <b>repaired</b> with NetTopologySuite's
/// <see cref="GeometryFixer"/> and flagged (<see cref="GeometryCheck.Repaired"/>). The fix may split a bow-tie into several
/// parts; <see cref="PolygonGeometry"/> holds one simple ring, so the largest part by area is kept and holes are dropped.</item>
/// <item><b>Polylines</b>: consecutive duplicates dropped; fewer than 2 distinct vertices → <c>Invalid</c>. Self-crossing lines are
/// legitimate (a road that loops) and kept.</item>
/// <item><b>Text spans</b>: 0 ≤ start ≤ end (end inclusive), else <c>Invalid</c>; end beyond the known code-point count → <c>OutOfBounds</c>.</item>
/// <item><b>Masks</b>: at least one foreground pixel, else <c>Invalid</c>; a known asset size different from the mask's → <c>OutOfBounds</c>.</item>
/// </list>
/// </remarks>
public static class GeometryPolicy
{
    /// <summary>The largest coordinate accepted (2^31 − 1 pixels, larger than any decodable image).</summary>
    public const double MaxCoordinate = int.MaxValue;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 0);

    public static GeometryCheck Check(AnnotationGeometry geometry, AssetExtent extent)
    {
        var verdict = Evaluate(geometry, extent);
        return new GeometryCheck(verdict.Geometry, verdict.Repaired, verdict.Problem);
    }

    /// <summary><see cref="Check"/> without the result object, for callers that check one geometry per line of a file.</summary>
    internal static GeometryVerdict Evaluate(AnnotationGeometry geometry, AssetExtent extent) => geometry switch
    {
        BoundingBox box => CheckBox(box, extent),
        PointGeometry point => CheckPoint(point, extent),
        PolygonGeometry polygon => CheckPolygon(polygon, extent),
        PolylineGeometry line => CheckPolyline(line, extent),
        TextSpan span => CheckSpan(span, extent),
        MaskGeometry mask => CheckMask(mask, extent),
        MaskBlobReference reference => GeometryVerdict.Accept(reference),
        _ => throw new ArgumentOutOfRangeException(nameof(geometry), geometry.GetType().Name, "Unknown geometry type."),
    };

    private static GeometryVerdict CheckBox(BoundingBox box, AssetExtent extent)
    {
        if (FirstNonFinite(("left", box.Left), ("top", box.Top), ("width", box.Width), ("height", box.Height)) is { } bad)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, bad, "Not a finite number.");
        }

        if (box.Width <= 0 || box.Height <= 0)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, box.Width <= 0 ? "width" : "height", "Box sizes must be positive.");
        }

        return OutsideImage(box.Left, box.Top, "left", "top", extent)
            ?? OutsideImage(box.Right, box.Bottom, "width", "height", extent)
            ?? GeometryVerdict.Accept(box);
    }

    private static GeometryVerdict CheckPoint(PointGeometry point, AssetExtent extent)
    {
        if (FirstNonFinite(("x", point.X), ("y", point.Y)) is { } bad)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, bad, "Not a finite number.");
        }

        return OutsideImage(point.X, point.Y, "x", "y", extent) ?? GeometryVerdict.Accept(point);
    }

    private static GeometryVerdict CheckPolygon(PolygonGeometry polygon, AssetExtent extent)
    {
        if (CheckVertices(polygon.Points, extent, closed: true, out var duplicates) is { } problem)
        {
            return problem;
        }

        var distinct = duplicates ? DropConsecutiveDuplicates(polygon.Points, closed: true) : polygon.Points.AsImmutableArray();
        if (distinct.Length < 3)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, string.Empty, "A polygon needs at least 3 distinct vertices.");
        }

        var candidate = distinct.Length == polygon.Points.Count ? polygon : new PolygonGeometry(ValueList.Wrap(distinct));
        if (SimpleRingTest.Classify(candidate.Points) == RingVerdict.Simple)
        {
            return GeometryVerdict.Accept(candidate);
        }

        var coordinates = new Coordinate[distinct.Length + 1];
        for (var i = 0; i < distinct.Length; i++)
        {
            coordinates[i] = new Coordinate(distinct[i].X, distinct[i].Y);
        }

        coordinates[^1] = coordinates[0];
        var ring = Factory.CreatePolygon(coordinates);
        if (ring.IsValid)
        {
            return ring.Area > 0
                ? GeometryVerdict.Accept(candidate, repaired: false)
                : GeometryVerdict.Reject(GeometryProblemKind.Invalid, string.Empty, "The polygon has zero area.");
        }

        var largest = LargestPolygon(GeometryFixer.Fix(ring));
        if (largest is null || largest.Area <= 0)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, string.Empty, "The polygon has zero area.");
        }

        var shell = largest.Shell.Coordinates;
        var points = ImmutableArray.CreateBuilder<PixelPoint>(shell.Length - 1);
        for (var i = 0; i < shell.Length - 1; i++)
        {
            points.Add(new PixelPoint(shell[i].X, shell[i].Y));
        }

        return GeometryVerdict.Accept(new PolygonGeometry(ValueList.Wrap(points.MoveToImmutable())), repaired: true);
    }

    private static GeometryVerdict CheckPolyline(PolylineGeometry line, AssetExtent extent)
    {
        if (CheckVertices(line.Points, extent, closed: false, out var duplicates) is { } problem)
        {
            return problem;
        }

        var distinct = duplicates ? DropConsecutiveDuplicates(line.Points, closed: false) : line.Points.AsImmutableArray();
        if (distinct.Length < 2)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, string.Empty, "A polyline needs at least 2 distinct vertices.");
        }

        return GeometryVerdict.Accept(distinct.Length == line.Points.Count ? line : new PolylineGeometry(ValueList.Wrap(distinct)));
    }

    private static GeometryVerdict CheckSpan(TextSpan span, AssetExtent extent)
    {
        if (span.Start < 0)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, "start", "Offsets are 0-based and not negative.");
        }

        if (span.End < span.Start)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, "end", "End is inclusive and not before start.");
        }

        if (extent.CodePoints is { } length && span.End >= length)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.OutOfBounds, "end", $"The text has {length} code points.");
        }

        return GeometryVerdict.Accept(span);
    }

    private static GeometryVerdict CheckMask(MaskGeometry mask, AssetExtent extent)
    {
        if (mask.Area == 0)
        {
            return GeometryVerdict.Reject(GeometryProblemKind.Invalid, string.Empty, "The mask has no foreground pixel.");
        }

        if ((extent.Width is { } width && width != mask.Width) || (extent.Height is { } height && height != mask.Height))
        {
            return GeometryVerdict.Reject(GeometryProblemKind.OutOfBounds, string.Empty, $"The mask is {mask.Width}x{mask.Height}; the asset is {extent.Width}x{extent.Height}.");
        }

        return GeometryVerdict.Accept(mask);
    }

    /// <summary>The first vertex that is not finite or lies outside the image, if any; <paramref name="duplicates"/>
    /// says whether a vertex equals its predecessor (for a ring, also the last the first), in the same pass.</summary>
    private static GeometryVerdict? CheckVertices(ValueList<PixelPoint> points, AssetExtent extent, bool closed, out bool duplicates)
    {
        var span = points.AsImmutableArray().AsSpan();
        double maxX = extent.Width ?? MaxCoordinate, maxY = extent.Height ?? MaxCoordinate;
        duplicates = closed && span.Length > 1 && span[^1] == span[0];
        for (var i = 0; i < span.Length; i++)
        {
            var p = span[i];
            duplicates |= i > 0 && p == span[i - 1];
            if (!(double.IsFinite(p.X) && double.IsFinite(p.Y)) && FirstNonFinite(("x", p.X), ("y", p.Y)) is { } bad)
            {
                return GeometryVerdict.Reject(GeometryProblemKind.Invalid, $"[{i}].{bad}", "Not a finite number.");
            }

            if (p.X < 0 || p.X > maxX || p.Y < 0 || p.Y > maxY)
            {
                // Field names are formatted only for the refused vertex; formatting "[i].x" and "[i].y" up front
                // cost two strings per vertex of every accepted polygon.
                return OutsideImage(p.X, p.Y, $"[{i}].x", $"[{i}].y", extent);
            }
        }

        return null;
    }

    private static GeometryVerdict? OutsideImage(double x, double y, string xField, string yField, AssetExtent extent)
    {
        if (x < 0 || x > (extent.Width ?? MaxCoordinate))
        {
            return GeometryVerdict.Reject(GeometryProblemKind.OutOfBounds, xField, $"x = {x} lies outside [0, {extent.Width?.ToString() ?? "2^31-1"}].");
        }

        if (y < 0 || y > (extent.Height ?? MaxCoordinate))
        {
            return GeometryVerdict.Reject(GeometryProblemKind.OutOfBounds, yField, $"y = {y} lies outside [0, {extent.Height?.ToString() ?? "2^31-1"}].");
        }

        return null;
    }

    private static string? FirstNonFinite(params ReadOnlySpan<(string Field, double Value)> values)
    {
        foreach (var (field, value) in values)
        {
            if (!double.IsFinite(value))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Drops vertices equal to their predecessor and, for rings, a last vertex equal to the first (called
    /// when <see cref="CheckVertices"/> found some).</summary>
    private static ImmutableArray<PixelPoint> DropConsecutiveDuplicates(ValueList<PixelPoint> points, bool closed)
    {
        var result = ImmutableArray.CreateBuilder<PixelPoint>(points.Count);
        foreach (var point in points)
        {
            if (result.Count == 0 || result[^1] != point)
            {
                result.Add(point);
            }
        }

        while (closed && result.Count > 1 && result[^1] == result[0])
        {
            result.RemoveAt(result.Count - 1);
        }

        return result.Count == result.Capacity ? result.MoveToImmutable() : result.ToImmutable();
    }

    private static Polygon? LargestPolygon(NetTopologySuite.Geometries.Geometry fixedGeometry)
    {
        Polygon? largest = null;
        for (var i = 0; i < fixedGeometry.NumGeometries; i++)
        {
            if (fixedGeometry.GetGeometryN(i) is Polygon part && (largest is null || part.Area > largest.Area))
            {
                largest = part;
            }
        }

        return largest;
    }
}
