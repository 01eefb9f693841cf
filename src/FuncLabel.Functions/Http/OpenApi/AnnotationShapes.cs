using System.Text.Json;

namespace FuncLabel.Functions.Http.OpenApi;

/// <summary>
/// Documents a <see cref="JsonElement"/> property whose value has a known shape (annotations in Labelbox NDJSON form).
/// Such properties stay JSON in the contract because the NDJSON reader parses them, giving every refusal a field
/// path (<c>candidate[0].bbox</c>); the OpenAPI document shows the shape instead of an untyped value.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false)]
internal sealed class ShapeAttribute(Type shape, bool array = true) : Attribute
{
    public Type Shape { get; } = shape;

    /// <summary>True when the value is an array of <see cref="Shape"/>, false for a single one.</summary>
    public bool Array { get; } = array;
}

/// <summary>
/// One annotation in Labelbox NDJSON form, as the API and pre-label files accept it (docs/annotation-model.md): an
/// object instance carries exactly one shape field matching its class's tool; a classification carries an answer.
/// </summary>
/// <param name="Uuid">Identifies the annotation on its data row; the same uuid in a later import overrides it.</param>
/// <param name="Name">The class name (or give <paramref name="SchemaId"/>).</param>
/// <param name="SchemaId">The class's immutable id.</param>
/// <param name="DataRow">The asset (pre-label files only; request bodies name the asset elsewhere).</param>
/// <param name="Confidence">Model confidence 0–1 (pre-label files: confidence routing).</param>
/// <param name="Bbox">A box in pixels, origin top-left.</param>
/// <param name="Polygon">A simple polygon's vertices.</param>
/// <param name="Point">A point.</param>
/// <param name="Line">A polyline's vertices.</param>
/// <param name="Mask">A raster mask.</param>
/// <param name="Location">A text entity's span: code-point offsets, 0-based, end inclusive.</param>
/// <param name="Answer">A classification's answer: free text, one option, or a list of options (checklist).</param>
/// <param name="Classifications">Nested classifications of an object instance.</param>
internal sealed record AnnotationLine(
    string? Uuid,
    string? Name,
    string? SchemaId,
    DataRowReference? DataRow,
    double? Confidence,
    BoxShape? Bbox,
    IReadOnlyList<PointShape>? Polygon,
    PointShape? Point,
    IReadOnlyList<PointShape>? Line,
    MaskShape? Mask,
    SpanShape? Location,
    AnswerShape? Answer,
    IReadOnlyList<ClassificationShape>? Classifications);

/// <summary>The asset a pre-label line is for: its id, or its path (<c>globalKey</c>).</summary>
internal sealed record DataRowReference(string? Id, string? GlobalKey);

internal sealed record BoxShape(double Top, double Left, double Height, double Width);

internal sealed record PointShape(double X, double Y);

/// <param name="Png">Base64 PNG of the mask.</param>
/// <param name="InstanceURI">Where the mask image is (allowed hosts only).</param>
/// <param name="ColorRGB">The mask colour in a multi-colour image.</param>
internal sealed record MaskShape(string? Png, string? InstanceURI, IReadOnlyList<int>? ColorRGB);

internal sealed record SpanShape(int Start, int End);

/// <summary>
/// An option chosen (radio, or each element of a checklist's list), with its nested classifications. A free-text
/// answer is a plain string instead.
/// </summary>
internal sealed record AnswerShape(string? Name, string? SchemaId, IReadOnlyList<ClassificationShape>? Classifications);

internal sealed record ClassificationShape(string? Name, string? SchemaId, AnswerShape? Answer);
