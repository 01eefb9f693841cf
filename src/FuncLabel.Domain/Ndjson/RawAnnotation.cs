using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Ndjson;

/// <summary>The shapes a line may carry, by their Labelbox field.</summary>
internal enum RawShape
{
    None,
    Bbox,
    Polygon,
    Point,
    Line,
    Mask,
    Location,
}

/// <summary>
/// One NDJSON line as read, before it is resolved against the ontology: syntax-level facts only (types checked,
/// numbers parsed), names and ids not yet looked up.
/// </summary>
internal sealed class RawAnnotation
{
    public Guid? Uuid { get; set; }

    public bool HasDataRow { get; set; }

    /// <summary>The data row named by <c>dataRow.id</c>, if the line gives one.</summary>
    public DataRowReference? DataRowById { get; set; }

    /// <summary>The data row named by <c>dataRow.globalKey</c>, if the line gives one.</summary>
    public DataRowReference? DataRowByKey { get; set; }

    public string? Name { get; set; }

    public string? SchemaId { get; set; }

    public double? Confidence { get; set; }

    public RawShape Shape { get; set; }

    public double Left { get; set; }

    public double Top { get; set; }

    public double Width { get; set; }

    public double Height { get; set; }

    public double X { get; set; }

    public double Y { get; set; }

    public System.Collections.Immutable.ImmutableArray<PixelPoint> Points { get; set; }

    public string? MaskPng { get; set; }

    public string? MaskUri { get; set; }

    /// <summary><c>instanceURI</c> or <c>url</c>, whichever the line used, for error paths.</summary>
    public string MaskUriField { get; set; } = "instanceURI";

    public RgbColor? MaskColor { get; set; }

    public int Start { get; set; }

    public int End { get; set; }

    public RawAnswer? Answer { get; set; }

    public List<RawClassification>? Classifications { get; set; }

    /// <summary>Back to the state of a new instance, so one reader reuses a single instance for every line.</summary>
    public void Reset()
    {
        Uuid = null;
        HasDataRow = false;
        DataRowById = DataRowByKey = null;
        Name = SchemaId = MaskPng = MaskUri = null;
        Confidence = null;
        Shape = RawShape.None;
        Left = Top = Width = Height = X = Y = 0;
        Points = default;
        MaskUriField = "instanceURI";
        MaskColor = null;
        Start = End = 0;
        Answer = null;
        Classifications = null;
    }
}

/// <summary>A nested question as read: its name or schema id and its answer. Reused line after line (<see cref="RawNodes"/>).</summary>
internal sealed class RawClassification
{
    public string? Name { get; set; }

    public string? SchemaId { get; set; }

    public RawAnswer? Answer { get; set; }
}

/// <summary>An answer as read, by JSON type: object = radio option, array = checklist options, string = free text.
/// Reused line after line (<see cref="RawNodes"/>).</summary>
internal sealed class RawAnswer
{
    public RawOption? Option { get; set; }

    public List<RawOption>? Options { get; set; }

    public string? Text { get; set; }
}

/// <summary>A chosen option as read, with the nested questions answered under it. Reused line after line
/// (<see cref="RawNodes"/>).</summary>
internal sealed class RawOption
{
    public string? Name { get; set; }

    public string? SchemaId { get; set; }

    public List<RawClassification>? Classifications { get; set; }
}
