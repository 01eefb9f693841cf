using System.Buffers.Text;
using System.Text.Json;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Reads one NDJSON line into a <see cref="RawAnnotation"/> with a forward-only <see cref="Utf8JsonReader"/> (no DOM),
/// checking JSON types as it goes.
/// </summary>
/// <remarks>
/// Known fields: <c>uuid</c>, <c>dataRow {id | globalKey}</c>, <c>name</c>, <c>schemaId</c>, <c>confidence</c>,
/// <c>bbox</c>, <c>polygon</c>, <c>point</c>, <c>line</c>, <c>mask</c>, <c>location</c>, <c>answer</c>,
/// <c>classifications</c>. Fields that mark a Labelbox shape we do not import (<see cref="IsUnsupportedShapeField"/>)
/// refuse the line with <c>unsupported_shape</c>. Every other field (<c>customMetrics</c>, <c>featureId</c>,
/// <c>classifications[].confidence</c>, …) is skipped unread, so files exported from other tools import as long as the
/// fields we need are there. Syntax errors surface as <see cref="JsonException"/> from the reader and invalid Unicode in
/// strings as a failed <see cref="JsonStrings.TryGet"/>; both are reported as <c>invalid_json</c>.
/// </remarks>
internal sealed class NdjsonLineParser(KnownStrings knownStrings, bool shapesFromBytes = true)
{
    private const int NoIndex = -1;

    private static readonly (string Name, TopField Field)[] TopFields =
    [
        ("uuid", TopField.Uuid),
        ("dataRow", TopField.DataRow),
        ("name", TopField.Name),
        ("schemaId", TopField.SchemaId),
        ("confidence", TopField.Confidence),
        ("bbox", TopField.Bbox),
        ("polygon", TopField.Polygon),
        ("point", TopField.Point),
        ("line", TopField.Line),
        ("mask", TopField.Mask),
        ("location", TopField.Location),
        ("answer", TopField.Answer),
        ("classifications", TopField.Classifications),
    ];

    private readonly FieldPath _path = new();
    private readonly RawNodes _nodes = new();
    private PixelPoint[] _points = new PixelPoint[64];
    private LineFault? _fault;

    /// <summary>Whether boxes and vertex arrays may be read from their bytes (<see cref="BoxText"/>,
    /// <see cref="VertexArrayText"/>) on this pass.</summary>
    private bool _fromBytes;

    /// <summary>Whether this pass read a shape from its bytes and resumed the reader after it.</summary>
    private bool _resumed;

    /// <summary>Parses <paramref name="line"/> into <paramref name="raw"/> (as <see cref="RawAnnotation.Reset"/> left
    /// it); on false, <paramref name="fault"/> says why.</summary>
    /// <remarks>
    /// A reader resumed after a shape read from its bytes counts byte positions from the shape's start, so
    /// a syntax error further on would name the wrong byte in its message. Such a line is read again token by token,
    /// which gives the message (and the first problem) exactly as a line never read that way.
    /// </remarks>
    public bool TryParse(ReadOnlySpan<byte> line, RawAnnotation raw, out LineFault fault)
    {
        var parsed = TryParse(line, raw, shapesFromBytes, out fault);
        if (parsed || !_resumed || fault.Reason != NdjsonErrorReason.InvalidJson)
        {
            return parsed;
        }

        raw.Reset();
        return TryParse(line, raw, fromBytes: false, out fault);
    }

    private bool TryParse(ReadOnlySpan<byte> line, RawAnnotation raw, bool fromBytes, out LineFault fault)
    {
        _path.Clear();
        _nodes.Reset();
        _fault = null;
        _fromBytes = fromBytes;
        _resumed = false;
        fault = default;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                fault = new LineFault(string.Empty, NdjsonErrorReason.InvalidJson, "A line must hold one JSON object.");
                return false;
            }

            var buffer = line;
            if (!ReadTopLevel(ref reader, ref buffer, raw))
            {
                fault = _fault!.Value;
                return false;
            }

            if (reader.Read())
            {
                fault = new LineFault(string.Empty, NdjsonErrorReason.InvalidJson, "Content after the JSON object.");
                return false;
            }

            return true;
        }
        catch (JsonException e)
        {
            fault = new LineFault(string.Empty, NdjsonErrorReason.InvalidJson, $"Not valid JSON: {e.Message}");
            return false;
        }
    }

    /// <summary>Best-effort read of the top-level <c>uuid</c> string of a refused line, for its error record.</summary>
    public static string? TryReadUuidText(ReadOnlySpan<byte> line)
    {
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = 64 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isUuid = reader.ValueTextEquals("uuid"u8);
                reader.Read();
                if (isUuid)
                {
                    return reader.TokenType == JsonTokenType.String && JsonStrings.TryGet(ref reader, out var text) ? text : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }

    }

    /// <summary>True for top-level fields of Labelbox shapes this importer refuses: relationships, video
    /// (frames, keyframes, segments, frame), documents (textSelections, page, unit) and conversations (messageId).</summary>
    internal static bool IsUnsupportedShapeField(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("relationship"u8) || name.SequenceEqual("frames"u8) || name.SequenceEqual("keyframes"u8) ||
        name.SequenceEqual("segments"u8) || name.SequenceEqual("frame"u8) || name.SequenceEqual("textSelections"u8) ||
        name.SequenceEqual("page"u8) || name.SequenceEqual("unit"u8) || name.SequenceEqual("messageId"u8);

    /// <summary>Which known top-level field the current property name is. Unescaped names (the norm) are told apart
    /// by length and then compared once, instead of trying every known name in turn.</summary>
    private static TopField TopFieldOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            foreach (var (name, field) in TopFields)
            {
                if (reader.ValueTextEquals(name))
                {
                    return field;
                }
            }

            return TopField.Other;
        }

        var span = reader.ValueSpan;
        return span.Length switch
        {
            4 => span.SequenceEqual("uuid"u8) ? TopField.Uuid : span.SequenceEqual("name"u8) ? TopField.Name : span.SequenceEqual("bbox"u8) ? TopField.Bbox
                : span.SequenceEqual("line"u8) ? TopField.Line : span.SequenceEqual("mask"u8) ? TopField.Mask : TopField.Other,
            5 => span.SequenceEqual("point"u8) ? TopField.Point : TopField.Other,
            6 => span.SequenceEqual("answer"u8) ? TopField.Answer : TopField.Other,
            7 => span.SequenceEqual("dataRow"u8) ? TopField.DataRow : span.SequenceEqual("polygon"u8) ? TopField.Polygon : TopField.Other,
            8 => span.SequenceEqual("schemaId"u8) ? TopField.SchemaId : span.SequenceEqual("location"u8) ? TopField.Location : TopField.Other,
            10 => span.SequenceEqual("confidence"u8) ? TopField.Confidence : TopField.Other,
            15 => span.SequenceEqual("classifications"u8) ? TopField.Classifications : TopField.Other,
            _ => TopField.Other,
        };
    }

    private bool ReadTopLevel(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> buffer, RawAnnotation raw)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = TopFieldOf(ref reader);
            if (field == TopField.Uuid)
            {
                reader.Read();
                if (!ReadUuid(ref reader, raw))
                {
                    return false;
                }
            }
            else if (field == TopField.DataRow)
            {
                reader.Read();
                if (!ReadDataRow(ref reader, raw))
                {
                    return false;
                }
            }
            else if (field == TopField.Name)
            {
                reader.Read();
                if (!ReadString(ref reader, "name", out var name))
                {
                    return false;
                }

                raw.Name = name;
            }
            else if (field == TopField.SchemaId)
            {
                reader.Read();
                if (!ReadString(ref reader, "schemaId", out var schemaId))
                {
                    return false;
                }

                raw.SchemaId = schemaId;
            }
            else if (field == TopField.Confidence)
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Number || !JsonNumbers.TryGetDouble(ref reader, out var confidence) || !(confidence is >= 0 and <= 1))
                {
                    return Fail("confidence", NdjsonErrorReason.ConfidenceOutOfRange, "confidence must be a number in [0, 1].");
                }

                raw.Confidence = confidence;
            }
            else if (field == TopField.Bbox)
            {
                if (!ReadShape(ref reader, ref buffer, raw, RawShape.Bbox, "bbox"))
                {
                    return false;
                }
            }
            else if (field == TopField.Polygon)
            {
                if (!ReadShape(ref reader, ref buffer, raw, RawShape.Polygon, "polygon"))
                {
                    return false;
                }
            }
            else if (field == TopField.Point)
            {
                if (!ReadShape(ref reader, ref buffer, raw, RawShape.Point, "point"))
                {
                    return false;
                }
            }
            else if (field == TopField.Line)
            {
                if (!ReadShape(ref reader, ref buffer, raw, RawShape.Line, "line"))
                {
                    return false;
                }
            }
            else if (field == TopField.Mask)
            {
                if (!ReadShape(ref reader, ref buffer, raw, RawShape.Mask, "mask"))
                {
                    return false;
                }
            }
            else if (field == TopField.Location)
            {
                if (!ReadShape(ref reader, ref buffer, raw, RawShape.Location, "location"))
                {
                    return false;
                }
            }
            else if (field == TopField.Answer)
            {
                reader.Read();
                _path.Push("answer");
                var answer = ReadAnswer(ref reader);
                _path.Pop();
                if (answer is null)
                {
                    return false;
                }

                raw.Answer = answer;
            }
            else if (field == TopField.Classifications)
            {
                reader.Read();
                _path.Push("classifications");
                var classifications = ReadClassifications(ref reader);
                _path.Pop();
                if (classifications is null)
                {
                    return false;
                }

                raw.Classifications = classifications;
            }
            else if (reader.ValueIsEscaped && !JsonStrings.TryGet(ref reader, out _))
            {
                return Fail(string.Empty, NdjsonErrorReason.InvalidJson, "A property name is not valid Unicode.");
            }
            else if (IsUnsupportedShapeField(reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan))
            {
                return Fail(reader.GetString()!, NdjsonErrorReason.UnsupportedShape, $"'{reader.GetString()}' marks a shape this importer does not support (relationships, video, documents, conversations).");
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return true;
    }

    private bool ReadUuid(ref Utf8JsonReader reader, RawAnnotation raw)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return Fail("uuid", NdjsonErrorReason.InvalidUuid, "uuid must be a string.");
        }

        if (reader.ValueIsEscaped || reader.ValueSpan.Length > 40)
        {
            return JsonStrings.TryGet(ref reader, out var uuidText) && UuidText.TryParse(uuidText, out var parsed) ? SetUuid(raw, parsed) : Fail("uuid", NdjsonErrorReason.InvalidUuid, "uuid must be 32 hex digits.");
        }

        return UuidText.TryParse(reader.ValueSpan, out var guid) ? SetUuid(raw, guid) : Fail("uuid", NdjsonErrorReason.InvalidUuid, "uuid must be 32 hex digits.");
    }

    private static bool SetUuid(RawAnnotation raw, Guid uuid)
    {
        raw.Uuid = uuid;
        return true;
    }

    private bool ReadDataRow(ref Utf8JsonReader reader, RawAnnotation raw)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail("dataRow", NdjsonErrorReason.InvalidValue, "dataRow must be an object with id or globalKey.");
        }

        raw.HasDataRow = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isId = reader.ValueTextEquals("id"u8);
            var isKey = !isId && reader.ValueTextEquals("globalKey"u8);
            reader.Read();
            if (isId || isKey)
            {
                var field = isId ? "dataRow.id" : "dataRow.globalKey";
                if (!ReadString(ref reader, field, out var value))
                {
                    return false;
                }

                if (value.Length == 0)
                {
                    return Fail(field, NdjsonErrorReason.MissingDataRow, $"{field} is empty.");
                }

                var row = isId ? DataRowReference.ById(value) : DataRowReference.ByGlobalKey(value);

                if (isId)
                {
                    raw.DataRowById = row;
                }
                else
                {
                    raw.DataRowByKey = row;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private bool ReadShape(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> buffer, RawAnnotation raw, RawShape shape, string field)
    {
        if (raw.Shape != RawShape.None)
        {
            return Fail(field, NdjsonErrorReason.InvalidGeometry, $"A line carries one shape; it already has '{ShapeField(raw.Shape)}'.");
        }

        raw.Shape = shape;
        reader.Read();
        _path.Push(field);
        var ok = shape switch
        {
            RawShape.Bbox => ReadBox(ref reader, ref buffer, raw),
            RawShape.Polygon or RawShape.Line => ReadPoints(ref reader, ref buffer, raw),
            RawShape.Point => ReadPoint(ref reader, raw),
            RawShape.Mask => ReadMask(ref reader, raw),
            _ => ReadLocation(ref reader, raw),
        };
        _path.Pop();
        return ok;
    }

    internal static string ShapeField(RawShape shape) => shape switch
    {
        RawShape.Bbox => "bbox",
        RawShape.Polygon => "polygon",
        RawShape.Point => "point",
        RawShape.Line => "line",
        RawShape.Mask => "mask",
        RawShape.Location => "location",
        _ => string.Empty,
    };

    /// <summary>Reads a box: from the bytes when it is in the usual form (<see cref="BoxText"/>), token by token
    /// otherwise.</summary>
    private bool ReadBox(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> buffer, RawAnnotation raw)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "bbox must be an object {top, left, height, width}.");
        }

        if (_fromBytes && BoxText.TryRead(buffer, (int)reader.TokenStartIndex, out var top, out var left, out var height, out var width) is var close and >= 0)
        {
            Resume(ref reader, ref buffer, close);
            raw.Top = top;
            raw.Left = left;
            raw.Height = height;
            raw.Width = width;
            return true;
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = BoxSlotOf(ref reader);
            reader.Read();
            if (slot == 0)
            {
                reader.Skip();
                continue;
            }

            var name = slot switch { 1 => "top", 2 => "left", 4 => "height", _ => "width" };
            if (!ReadNumber(ref reader, name, out var value))
            {
                return false;
            }

            seen |= slot;
            switch (slot)
            {
                case 1: raw.Top = value; break;
                case 2: raw.Left = value; break;
                case 4: raw.Height = value; break;
                default: raw.Width = value; break;
            }
        }

        return seen == 15 || Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "bbox needs top, left, height and width.");
    }

    /// <summary>1 top, 2 left, 4 height, 8 width, 0 another name. The four names differ in length, so an unescaped
    /// name needs one comparison.</summary>
    private static int BoxSlotOf(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped)
        {
            return reader.ValueTextEquals("top"u8) ? 1 : reader.ValueTextEquals("left"u8) ? 2 : reader.ValueTextEquals("height"u8) ? 4 : reader.ValueTextEquals("width"u8) ? 8 : 0;
        }

        var span = reader.ValueSpan;
        return span.Length switch
        {
            3 => span.SequenceEqual("top"u8) ? 1 : 0,
            4 => span.SequenceEqual("left"u8) ? 2 : 0,
            6 => span.SequenceEqual("height"u8) ? 4 : 0,
            5 => span.SequenceEqual("width"u8) ? 8 : 0,
            _ => 0,
        };
    }

    /// <summary>Reads a polygon's or line's vertices: from the bytes when the array is in the usual form
    /// (<see cref="VertexArrayText"/>), token by token otherwise.</summary>
    private bool ReadPoints(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> buffer, RawAnnotation raw)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "Expected an array of {x, y}.");
        }

        int count;
        if (_fromBytes && VertexArrayText.TryRead(buffer, (int)reader.TokenStartIndex, ref _points, out count) is var close and >= 0)
        {
            Resume(ref reader, ref buffer, close);
            raw.Points = System.Collections.Immutable.ImmutableArray.Create(new ReadOnlySpan<PixelPoint>(_points, 0, count));
            return true;
        }

        count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!ReadXy(ref reader, count, out var x, out var y))
            {
                return false;
            }

            if (count == _points.Length)
            {
                Array.Resize(ref _points, 2 * count);
            }

            _points[count++] = new PixelPoint(x, y);
        }

        raw.Points = System.Collections.Immutable.ImmutableArray.Create(new ReadOnlySpan<PixelPoint>(_points, 0, count));
        return true;
    }

    /// <summary>
    /// Goes on after a container read from its bytes: a new reader over the rest of <paramref name="buffer"/> (the
    /// span <paramref name="reader"/> reads), from the container's closing byte at <paramref name="close"/>, in the
    /// state the reader had after the opening byte. That state followed by the closing byte reads as an empty
    /// container, so the reader ends it as if it had read every token inside, with the depth and the containers
    /// around it as they were.
    /// </summary>
    private void Resume(ref Utf8JsonReader reader, ref ReadOnlySpan<byte> buffer, int close)
    {
        var state = reader.CurrentState;
        buffer = buffer[close..];
        reader = new Utf8JsonReader(buffer, isFinalBlock: true, state);
        reader.Read();
        _resumed = true;
    }

    private bool ReadPoint(ref Utf8JsonReader reader, RawAnnotation raw)
    {
        if (!ReadXy(ref reader, NoIndex, out var x, out var y))
        {
            return false;
        }

        raw.X = x;
        raw.Y = y;
        return true;
    }

    /// <summary>Reads <c>{x, y}</c>: vertex <paramref name="index"/> of a polygon or line, or the point of a point
    /// shape (<see cref="NoIndex"/>). The vertex index goes into an error's field only when there is an error, so a
    /// polygon's vertices are read without touching the field path.</summary>
    private bool ReadXy(ref Utf8JsonReader reader, int index, out double x, out double y)
    {
        x = y = 0;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(VertexField(index, null), NdjsonErrorReason.InvalidGeometry, "A point is an object {x, y}.");
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = IsSingleByteName(ref reader, (byte)'x') ? 1 : IsSingleByteName(ref reader, (byte)'y') ? 2 : 0;
            reader.Read();
            if (slot == 0)
            {
                reader.Skip();
                continue;
            }

            if (reader.TokenType != JsonTokenType.Number || !JsonNumbers.TryGetDouble(ref reader, out var value) || !double.IsFinite(value))
            {
                var name = slot == 1 ? "x" : "y";
                return Fail(VertexField(index, name), NdjsonErrorReason.InvalidGeometry, $"{name} must be a finite number.");
            }

            seen |= slot;
            if (slot == 1)
            {
                x = value;
            }
            else
            {
                y = value;
            }
        }

        return seen == 3 || Fail(VertexField(index, null), NdjsonErrorReason.InvalidGeometry, "A point needs x and y.");
    }

    /// <summary>The current property name is the one byte <paramref name="name"/> (escaped names compared unescaped).</summary>
    private static bool IsSingleByteName(ref Utf8JsonReader reader, byte name) =>
        reader.ValueIsEscaped ? reader.ValueTextEquals(new ReadOnlySpan<byte>(in name)) : reader.ValueSpan is [var only] && only == name;

    private static string VertexField(int index, string? name) =>
        index == NoIndex ? name ?? string.Empty : name is null ? $"[{index}]" : $"[{index}].{name}";

    private bool ReadLocation(ref Utf8JsonReader reader, RawAnnotation raw)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "location must be an object {start, end}.");
        }

        var seen = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var slot = reader.ValueTextEquals("start"u8) ? 1 : reader.ValueTextEquals("end"u8) ? 2 : 0;
            reader.Read();
            if (slot == 0)
            {
                reader.Skip();
                continue;
            }

            var name = slot == 1 ? "start" : "end";
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
            {
                return Fail(name, NdjsonErrorReason.InvalidGeometry, $"{name} must be an integer code-point offset.");
            }

            seen |= slot;
            if (slot == 1)
            {
                raw.Start = value;
            }
            else
            {
                raw.End = value;
            }
        }

        return seen == 3 || Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "location needs start and end.");
    }

    private bool ReadMask(ref Utf8JsonReader reader, RawAnnotation raw)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "mask must be an object {png} or {instanceURI, colorRGB}.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("png"u8))
            {
                reader.Read();
                if (!ReadString(ref reader, "png", out var png, NdjsonErrorReason.InvalidGeometry))
                {
                    return false;
                }

                raw.MaskPng = png;
            }
            else if (reader.ValueTextEquals("instanceURI"u8) || reader.ValueTextEquals("url"u8))
            {
                raw.MaskUriField = reader.GetString()!;
                reader.Read();
                if (!ReadString(ref reader, raw.MaskUriField, out var uri, NdjsonErrorReason.InvalidGeometry))
                {
                    return false;
                }

                raw.MaskUri = uri;
            }
            else if (reader.ValueTextEquals("colorRGB"u8))
            {
                reader.Read();
                if (!ReadColor(ref reader, raw))
                {
                    return false;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if ((raw.MaskPng is null) == (raw.MaskUri is null))
        {
            return Fail(string.Empty, NdjsonErrorReason.InvalidGeometry, "mask needs exactly one of png and instanceURI.");
        }

        return true;
    }

    private bool ReadColor(ref Utf8JsonReader reader, RawAnnotation raw)
    {
        Span<byte> rgb = stackalloc byte[3];
        var count = 0;
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (count == 3 || reader.TokenType != JsonTokenType.Number || !reader.TryGetByte(out var channel))
                {
                    return Fail("colorRGB", NdjsonErrorReason.InvalidGeometry, "colorRGB is [r, g, b] with integers 0-255.");
                }

                rgb[count++] = channel;
            }
        }

        if (count != 3)
        {
            return Fail("colorRGB", NdjsonErrorReason.InvalidGeometry, "colorRGB is [r, g, b] with integers 0-255.");
        }

        raw.MaskColor = new RgbColor(rgb[0], rgb[1], rgb[2]);
        return true;
    }

    /// <summary>object → radio option; array → checklist options; string → free text. Null after a fault.</summary>
    private RawAnswer? ReadAnswer(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (!JsonStrings.TryGet(ref reader, out var text))
                {
                    Fail(string.Empty, NdjsonErrorReason.InvalidJson, "The answer is not valid Unicode.");
                    return null;
                }

                return _nodes.Answer(null, null, text);
            case JsonTokenType.StartObject:
                var option = ReadOption(ref reader);
                return option is null ? null : _nodes.Answer(option, null, null);
            case JsonTokenType.StartArray:
                var options = _nodes.OptionList();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    _path.Push(options.Count);
                    var item = reader.TokenType == JsonTokenType.StartObject ? ReadOption(ref reader) : null;
                    if (item is null && _fault is null)
                    {
                        Fail(string.Empty, NdjsonErrorReason.InvalidValue, "A checklist answer is an object {name | schemaId}.");
                    }

                    _path.Pop();
                    if (item is null)
                    {
                        return null;
                    }

                    options.Add(item);
                }

                return _nodes.Answer(null, options, null);
            default:
                Fail(string.Empty, NdjsonErrorReason.InvalidValue, "answer is an object (radio), an array (checklist) or a string (text).");
                return null;
        }
    }

    private RawOption? ReadOption(ref Utf8JsonReader reader)
    {
        string? name = null, schemaId = null;
        List<RawClassification>? nested = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8) || reader.ValueTextEquals("value"u8))
            {
                var field = reader.GetString()!;
                reader.Read();
                if (!ReadString(ref reader, field, out var value))
                {
                    return null;
                }

                name = value;
            }
            else if (reader.ValueTextEquals("schemaId"u8))
            {
                reader.Read();
                if (!ReadString(ref reader, "schemaId", out var value))
                {
                    return null;
                }

                schemaId = value;
            }
            else if (reader.ValueTextEquals("classifications"u8))
            {
                reader.Read();
                _path.Push("classifications");
                nested = ReadClassifications(ref reader);
                _path.Pop();
                if (nested is null)
                {
                    return null;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return _nodes.Option(name, schemaId, nested);
    }

    private List<RawClassification>? ReadClassifications(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Fail(string.Empty, NdjsonErrorReason.InvalidValue, "classifications must be an array.");
            return null;
        }

        var items = _nodes.ClassificationList();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            _path.Push(items.Count);
            var item = ReadClassification(ref reader);
            _path.Pop();
            if (item is null)
            {
                return null;
            }

            items.Add(item);
        }

        return items;
    }

    private RawClassification? ReadClassification(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Fail(string.Empty, NdjsonErrorReason.InvalidValue, "A classification is an object {name | schemaId, answer}.");
            return null;
        }

        string? name = null, schemaId = null;
        RawAnswer? answer = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("name"u8))
            {
                reader.Read();
                if (!ReadString(ref reader, "name", out var value))
                {
                    return null;
                }

                name = value;
            }
            else if (reader.ValueTextEquals("schemaId"u8))
            {
                reader.Read();
                if (!ReadString(ref reader, "schemaId", out var value))
                {
                    return null;
                }

                schemaId = value;
            }
            else if (reader.ValueTextEquals("answer"u8))
            {
                reader.Read();
                _path.Push("answer");
                answer = ReadAnswer(ref reader);
                _path.Pop();
                if (answer is null)
                {
                    return null;
                }
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return _nodes.Classification(name, schemaId, answer);
    }

    private bool ReadString(ref Utf8JsonReader reader, string field, out string value, NdjsonErrorReason reason = NdjsonErrorReason.InvalidValue)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            value = string.Empty;
            return Fail(field, reason, $"{field} must be a string.");
        }

        if (!reader.ValueIsEscaped)
        {
            // A known string's bytes are valid UTF-8 by construction, so only the others are validated.
            if (knownStrings.TryGet(reader.ValueSpan, out var known))
            {
                value = known;
                return true;
            }

            if (System.Text.Unicode.Utf8.IsValid(reader.ValueSpan))
            {
                value = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                return true;
            }
        }

        return JsonStrings.TryGet(ref reader, out value) || Fail(field, NdjsonErrorReason.InvalidJson, $"{field} is not valid Unicode.");
    }

    private bool ReadNumber(ref Utf8JsonReader reader, string field, out double value)
    {
        if (reader.TokenType != JsonTokenType.Number || !JsonNumbers.TryGetDouble(ref reader, out value) || !double.IsFinite(value))
        {
            value = 0;
            return Fail(field, NdjsonErrorReason.InvalidGeometry, $"{field} must be a finite number.");
        }

        return true;
    }

    private bool Fail(string field, NdjsonErrorReason reason, string message)
    {
        _fault ??= new LineFault(_path.ToString(field), reason, message);
        return false;
    }
}

/// <summary>The top-level fields <see cref="NdjsonLineParser"/> reads; <see cref="Other"/> is skipped or refused.</summary>
internal enum TopField
{
    Other,
    Uuid,
    DataRow,
    Name,
    SchemaId,
    Confidence,
    Bbox,
    Polygon,
    Point,
    Line,
    Mask,
    Location,
    Answer,
    Classifications,
}
