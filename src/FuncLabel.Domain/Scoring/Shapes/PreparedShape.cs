using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Shapes;

/// <summary>
/// An annotation's geometry converted once into the form its similarity needs, with the envelope
/// the spatial index uses (already widened, for distance-based shapes, by how far they can be and
/// still match).
/// </summary>
internal abstract class PreparedShape
{
    protected PreparedShape(Envelope searchEnvelope)
    {
        SearchEnvelope = searchEnvelope;
    }

    public Envelope SearchEnvelope { get; }
}

internal sealed class PreparedBox(AxisBox box)
    : PreparedShape(new Envelope(box.MinX, box.MaxX, box.MinY, box.MaxY))
{
    private PolygonalShape? _polygon;

    public AxisBox Box { get; } = box;

    /// <summary>The box as a polygon, built on first use (only to compare a box with a polygon of another class).</summary>
    public PolygonalShape AsPolygon => _polygon ??= PolygonalShape.From(ShapePreparation.Factory.ToGeometry(SearchEnvelope));
}

internal sealed class PreparedPolygon(PolygonalShape polygon) : PreparedShape(polygon.Envelope)
{
    public PolygonalShape Polygon { get; } = polygon;
}

internal sealed class PreparedMask(RunLengthMask mask) : PreparedShape(mask.Envelope)
{
    public RunLengthMask Mask { get; } = mask;
}

internal sealed class PreparedPoint(double x, double y, double reach)
    : PreparedShape(new Envelope(x - (reach / 2), x + (reach / 2), y - (reach / 2), y + (reach / 2)))
{
    public double X { get; } = x;

    public double Y { get; } = y;
}

internal sealed class PreparedPolyline(SampledPolyline line, double reach) : PreparedShape(Widen(line.Envelope, reach))
{
    public SampledPolyline Line { get; } = line;

    private static Envelope Widen(Envelope envelope, double reach)
    {
        var widened = new Envelope(envelope);
        widened.ExpandBy(reach / 2);
        return widened;
    }
}

/// <summary>A text span on the x axis; the quarter-unit insets keep adjacent spans from touching in the index.</summary>
internal sealed class PreparedSpan(int start, int end) : PreparedShape(new Envelope(start + 0.25, end + 0.75, 0, 0))
{
    public int Start { get; } = start;

    public int End { get; } = end;
}
