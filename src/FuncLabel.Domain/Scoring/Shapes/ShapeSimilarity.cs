using FuncLabel.Domain.Scoring.Similarity;

namespace FuncLabel.Domain.Scoring.Shapes;

/// <summary>
/// The similarity in [0, 1] of two prepared shapes: IoU for boxes, polygons, masks and text
/// spans; the distance kernel for points and polylines.
/// </summary>
/// <remarks>
/// Shapes of different tools are comparable only where the comparison means something: a box and
/// a polygon both bound an area, so their IoU is taken on the polygon path (this lets a box drawn
/// with the wrong class be recognised as <c>wrong_class</c> against a polygon class). Any other mix,
/// and masks of different sizes, score 0.
/// </remarks>
internal static class ShapeSimilarity
{
    public static double Of(PreparedShape a, PreparedShape b, ShapePreparation context) => (a, b) switch
    {
        (PreparedBox x, PreparedBox y) => BoxOverlap.Of(x.Box, y.Box),
        (PreparedPolygon x, PreparedPolygon y) => PolygonOverlap.Of(x.Polygon, y.Polygon),
        (PreparedBox x, PreparedPolygon y) => PolygonOverlap.Of(x.AsPolygon, y.Polygon),
        (PreparedPolygon x, PreparedBox y) => PolygonOverlap.Of(x.Polygon, y.AsPolygon),
        (PreparedMask x, PreparedMask y) => SameGrid(x, y) ? MaskOverlap.Of(x.Mask, y.Mask) : 0.0,
        (PreparedPoint x, PreparedPoint y) => KeypointSimilarity.Of(x.X, x.Y, y.X, y.Y, context.Scale, context.Options.PointSigma),
        (PreparedPolyline x, PreparedPolyline y) => PolylineSimilarity.Of(x.Line, y.Line, context.Scale, context.Options.PolylineSigma),
        (PreparedSpan x, PreparedSpan y) => SpanOverlap.Of(x.Start, x.End, y.Start, y.End),
        _ => 0.0,
    };

    /// <summary>
    /// An upper bound of <see cref="Of"/> that costs no overlay: the polygon bound where the
    /// polygon engine would run, else 1 (every other similarity is already cheap).
    /// </summary>
    public static double UpperBound(PreparedShape a, PreparedShape b) => (a, b) switch
    {
        (PreparedPolygon x, PreparedPolygon y) => PolygonOverlap.UpperBound(x.Polygon, y.Polygon),
        (PreparedBox x, PreparedPolygon y) => PolygonOverlap.UpperBound(x.AsPolygon, y.Polygon),
        (PreparedPolygon x, PreparedBox y) => PolygonOverlap.UpperBound(x.Polygon, y.AsPolygon),
        _ => 1.0,
    };

    private static bool SameGrid(PreparedMask a, PreparedMask b) =>
        a.Mask.Width == b.Mask.Width && a.Mask.Height == b.Mask.Height;
}
