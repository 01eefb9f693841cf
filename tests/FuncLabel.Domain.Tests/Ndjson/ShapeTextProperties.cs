using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>
/// Vertex arrays and boxes read from their bytes (<see cref="VertexArrayText"/>, <see cref="BoxText"/>) give exactly
/// what reading them token by token gives: the same record, or the same refusal with the same field and message,
/// whatever the shape's formatting and whatever is broken in or after it.
/// </summary>
public sealed class ShapeTextProperties
{
    private const string Uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

    /// <summary>Bytes a damaged shape is made of: JSON structure, number characters, names, escapes, junk.</summary>
    private static readonly byte[] Alphabet = "0123456789-+.eE ,:{}[]\"xyztoplefhigwd\\\t\na"u8.ToArray();

    private static Arbitrary<int> Seeds => Arb.From(Gen.Choose(0, int.MaxValue));

    [Property(MaxTest = 3000)]
    public Property ReformattedShape_SameResultAsTokenReading() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        return SameResult(Line(random, Reformat(random)));
    });

    [Property(MaxTest = 5000)]
    public Property DamagedShapeOrLine_SameResultAsTokenReading() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        var text = Line(random, Reformat(random));
        var line = Encoding.UTF8.GetBytes(text);
        var (shapeStart, shapeEnd) = ShapeBounds(text);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            // Mostly inside the shape, sometimes anywhere (after the shape is where a resumed reader goes on).
            var at = Math.Min(random.Next(4) == 0 ? random.Next(line.Length) : random.Next(shapeStart, shapeEnd + 1), line.Length - 1);
            line = random.Next(3) switch
            {
                0 => [.. line[..at], .. line[(at + 1)..]],
                1 => [.. line[..at], Alphabet[random.Next(Alphabet.Length)], .. line[at..]],
                _ => [.. line[..at], Alphabet[random.Next(Alphabet.Length)], .. line[(at + 1)..]],
            };
        }

        return SameResult(Encoding.UTF8.GetString(line));
    });

    [Theory]
    [InlineData("""{"top":10,"left":20,"height":30,"width":40}""")]
    [InlineData("""{ "width" : 40 , "height":30,"left":20,	"top":10 }""")]
    [InlineData("""{"top":1e1,"left":20,"height":30,"width":40}""")]
    [InlineData("""{"top":10,"left":20,"height":30,"width":40,"depth":5}""")]
    [InlineData("""{"\u0074op":10,"left":20,"height":30,"width":40}""")]
    [InlineData("""{"top":10,"top":10,"left":20,"height":30,"width":40}""")]
    [InlineData("""{"top":10.000000000000000000,"left":20,"height":30,"width":40}""")]
    public void Box_EveryForm_SameBox(string box)
    {
        var line = $$"""{"uuid":"{{Uuid}}","dataRow":{"id":"r"},"name":"car","bbox":{{box}}}""";

        var record = Parse(line, shapesFromBytes: true)?.Record;

        Assert.Equal(new BoundingBox(20, 10, 40, 30), record?.Annotation.Geometry);
        Assert.Equal(Parse(line, shapesFromBytes: false), Parse(line, shapesFromBytes: true));
    }

    [Theory]
    [InlineData("""{"top":10,"left":20,"height":30},"name" "car"}""", NdjsonErrorReason.InvalidGeometry, "bbox")]
    [InlineData("""{"top":10,"left":20,"height":30,"width":"40"}}""", NdjsonErrorReason.InvalidGeometry, "bbox.width")]
    [InlineData("""{"top":10,"left":20,"height":30,"width":-40}}""", NdjsonErrorReason.InvalidGeometry, "bbox.width")]
    [InlineData("""{"top":10,"left":20,"height":30,"width":40}},"name" "car"}""", NdjsonErrorReason.InvalidJson, "")]
    [InlineData("""{"top":10,"left":20,"height":30,"width":40},"bbox":{}}""", NdjsonErrorReason.InvalidGeometry, "bbox")]
    [InlineData("""{"top":10,"left":20,"height":30,"width":40}""", NdjsonErrorReason.InvalidJson, "")]
    public void Box_Refused_SameAsTokenReading(string rest, NdjsonErrorReason reason, string field)
    {
        var line = $$"""{"uuid":"{{Uuid}}","dataRow":{"id":"r"},"name":"car","bbox":{{rest}}""";

        var error = Parse(line, shapesFromBytes: true)?.Error;

        Assert.Equal(reason, error?.Reason);
        Assert.Equal(field, error!.Field);
        Assert.Equal(Parse(line, shapesFromBytes: false), Parse(line, shapesFromBytes: true));
        if (reason == NdjsonErrorReason.InvalidJson)
        {
            Assert.Equal(TokenReaderMessage(line), error.Message);
        }
    }

    [Theory]
    [InlineData("""[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40}],"name" "road"}""")]
    [InlineData("""[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40}]]""")]
    [InlineData("""[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40}]}x""")]
    [InlineData("""[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40}],"confidence":01}""")]
    [InlineData("""[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40}],}""")]
    [InlineData("""[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    public void SyntaxErrorAfterTheArray_MessageOfTheTokenReader(string rest)
    {
        var line = $$"""{"uuid":"{{Uuid}}","dataRow":{"id":"r"},"name":"road","polygon":{{rest}}""";

        var error = Parse(line, shapesFromBytes: true)?.Error;

        Assert.NotNull(error);
        Assert.Equal(NdjsonErrorReason.InvalidJson, error.Reason);
        Assert.Equal(TokenReaderMessage(line), error.Message);
        Assert.Equal(Parse(line, shapesFromBytes: false), Parse(line, shapesFromBytes: true));
    }

    [Theory]
    [InlineData("""[{"x":01,"y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    [InlineData("""[{"x":1.,"y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    [InlineData("""[{"x":.5,"y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    [InlineData("""[{"x":+5,"y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    [InlineData("""[{"x":-,"y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    [InlineData("""[{"x":5,"y":10},{"x":50,"y":10},{"x":50,"y":40},]""")]
    [InlineData("""[{"x":5,"y":10,},{"x":50,"y":10},{"x":50,"y":40}]""")]
    [InlineData("""[{"x":5 "y":10},{"x":50,"y":10},{"x":50,"y":40}]""")]
    public void NotAJsonNumberOrStructure_InvalidJson(string array)
    {
        var line = $$"""{"uuid":"{{Uuid}}","dataRow":{"id":"r"},"name":"road","polygon":{{array}}}""";

        var error = Parse(line, shapesFromBytes: true)?.Error;

        Assert.Equal(NdjsonErrorReason.InvalidJson, error?.Reason);
        Assert.Equal(TokenReaderMessage(line), error!.Message);
    }

    [Theory]
    [InlineData("""[{"x":0,"y":0},{"x":-0,"y":1},{"x":0.5,"y":2.25}]""")]
    [InlineData("""[{"x":1,"y":0},{"x":1,"y":1},{"x":0,"y":1}]""")]
    public void ZeroAndNegativeZero_ReadAsTheTokenReaderReadsThem(string array)
    {
        var line = $$"""{"uuid":"{{Uuid}}","dataRow":{"id":"r"},"name":"lane","line":{{array}}}""";

        Assert.Equal(Parse(line, shapesFromBytes: false), Parse(line, shapesFromBytes: true));
    }

    /// <summary>When the byte-level reader takes a number, the JSON reader reads the same bytes as one number token
    /// with the same value; a decimal without exponent of up to 15 digits is always taken.</summary>
    [Property(MaxTest = 20000)]
    public Property TryReadShortDecimal_TakesWhatTheReaderTakes() => Prop.ForAll(Seeds, seed =>
    {
        var random = new Random(seed);
        var text = random.Next(2) == 0 ? Decimal(random) : RandomBytes(random);
        var bytes = Encoding.ASCII.GetBytes(text + ",");
        var position = 0;
        if (!JsonNumbers.TryReadShortDecimal(bytes, ref position, out var value))
        {
            return !IsShortDecimal(text);
        }

        var reader = new Utf8JsonReader(Encoding.ASCII.GetBytes($"[{text[..position]}]"));
        reader.Read();
        return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.ValueSpan.Length == position
            && reader.TryGetDouble(out var expected) && BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(value)
            && (position == text.Length || !IsShortDecimal(text));
    });

    private static NdjsonLineResult? Parse(string line, bool shapesFromBytes) =>
        new NdjsonPrelabelReader(NdjsonTestReader.Options(), shapesFromBytes).ParseLine(Encoding.UTF8.GetBytes(line), 1);

    private static bool SameResult(string line)
    {
        var expected = Parse(line, shapesFromBytes: false);
        var actual = Parse(line, shapesFromBytes: true);
        return Equals(expected, actual);
    }

    private static string TokenReaderMessage(string line)
    {
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }

            return "no syntax error";
        }
        catch (JsonException e)
        {
            return $"Not valid JSON: {e.Message}";
        }
    }

    /// <summary>A polygon, polyline or box line (written by <see cref="NdjsonAnnotationWriter"/>) whose shape is
    /// rewritten by <paramref name="format"/>.</summary>
    private static string Line(Random random, Func<IReadOnlyList<(string Name, double Value)>[], bool, string> format)
    {
        if (random.Next(3) == 0)
        {
            var box = new BoundingBox(Math.Round(random.NextDouble() * 500, random.Next(0, 4)), Math.Round(random.NextDouble() * 500, random.Next(0, 4)), Math.Round(1 + (random.NextDouble() * 100), random.Next(0, 4)), Math.Round(1 + (random.NextDouble() * 100), random.Next(0, 4)));
            var boxLine = Written(new Annotation(Guid.Parse(Uuid), "car", box, ValueList<Classification>.Empty, AnnotationSource.Prelabel, random.Next(2) == 0 ? 0.5 : null));
            var open = boxLine.IndexOf("\"bbox\":{", StringComparison.Ordinal) + 7;
            var close = boxLine.IndexOf('}', open);
            (string, double)[] members = [("top", box.Top), ("left", box.Left), ("height", box.Height), ("width", box.Width)];
            return string.Concat(boxLine.AsSpan(0, open), format([members], false), boxLine.AsSpan(close + 1));
        }

        var polygon = random.Next(3) != 0;
        var count = random.Next(polygon ? 3 : 2, 20);
        var points = new PixelPoint[count];
        for (var i = 0; i < count; i++)
        {
            var angle = 2 * Math.PI * (i + (random.NextDouble() * 0.5)) / count;
            var radius = 10 + (random.NextDouble() * 100);
            points[i] = new PixelPoint(Math.Round(500 + (radius * Math.Cos(angle)), random.Next(0, 4)), Math.Round(500 + (radius * Math.Sin(angle)), random.Next(0, 4)));
        }

        AnnotationGeometry geometry = polygon ? new PolygonGeometry(ValueList.Create<PixelPoint>(points)) : new PolylineGeometry(ValueList.Create<PixelPoint>(points));
        var written = Written(new Annotation(Guid.Parse(Uuid), polygon ? "road" : "lane", geometry, ValueList<Classification>.Empty, AnnotationSource.Prelabel, random.Next(2) == 0 ? 0.5 : null));
        var start = written.IndexOf('[', StringComparison.Ordinal);
        var end = written.IndexOf(']', start);
        var vertices = points.Select(p => (IReadOnlyList<(string, double)>)[("x", p.X), ("y", p.Y)]).ToArray();
        return string.Concat(written.AsSpan(0, start), format(vertices, true), written.AsSpan(end + 1));
    }

    private static string Written(Annotation annotation)
    {
        var buffer = new ArrayBufferWriter<byte>();
        NdjsonAnnotationWriter.WriteLine(buffer, DataRowReference.ById("r"), annotation);
        return Encoding.UTF8.GetString(buffer.WrittenSpan[..^1]);
    }

    /// <summary>Where the shape's text starts and ends in a line made by <see cref="Line"/>.</summary>
    private static (int Start, int End) ShapeBounds(string line)
    {
        var box = line.IndexOf("\"bbox\":", StringComparison.Ordinal);
        return box >= 0 ? (box + 7, line.LastIndexOf('}')) : (line.IndexOf('['), line.LastIndexOf(']'));
    }

    /// <summary>The shape (objects of named numbers, in an array for vertices) in a random JSON formatting: whitespace,
    /// member order, exponents, extra members, escapes.</summary>
    private static Func<IReadOnlyList<(string Name, double Value)>[], bool, string> Reformat(Random random) => (objects, array) =>
    {
        string Space() => random.Next(4) == 0 ? new[] { " ", "\t", "  ", "\r\n", " \n " }[random.Next(5)] : string.Empty;
        string Number(double value) => random.Next(20) switch
        {
            0 => value.ToString("E", CultureInfo.InvariantCulture),
            1 => value.ToString("0.00000000000000000", CultureInfo.InvariantCulture),
            _ => value.ToString("R", CultureInfo.InvariantCulture),
        };
        string Name(string name) => random.Next(30) == 0 ? $"\\u00{(int)name[0]:x2}" : name;

        var text = new StringBuilder(array ? "[" + Space() : string.Empty);
        for (var i = 0; i < objects.Length; i++)
        {
            var members = objects[i].Select(m => $"\"{Name(m.Name)}\"{Space()}:{Space()}{Number(m.Value)}").ToList();
            if (random.Next(30) == 0)
            {
                members.Insert(random.Next(members.Count + 1), $"\"z\":{Space()}1");
            }

            if (random.Next(4) == 0)
            {
                members = [.. members.OrderBy(_ => random.Next())];
            }

            text.Append(i == 0 ? string.Empty : "," + Space()).Append('{').Append(Space()).AppendJoin("," + Space(), members).Append(Space()).Append('}').Append(Space());
        }

        return array ? text.Append(']').ToString() : text.ToString().TrimEnd();
    };

    private static string Decimal(Random random)
    {
        var text = new StringBuilder(random.Next(2) == 0 ? "-" : string.Empty);
        var integerDigits = random.Next(1, 17);
        text.Append(integerDigits == 1 ? (char)('0' + random.Next(10)) : (char)('1' + random.Next(9)));
        for (var i = 1; i < integerDigits; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        if (random.Next(2) == 0)
        {
            text.Append('.');
            for (var i = random.Next(1, 16); i > 0; i--)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }

        return text.ToString();
    }

    private static string RandomBytes(Random random)
    {
        const string chars = "0123456789-+.eE";
        return new string(Enumerable.Range(0, random.Next(1, 8)).Select(_ => chars[random.Next(chars.Length)]).ToArray());
    }

    /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)? with at most 15 digits: the form the byte-level reader must take.</summary>
    private static bool IsShortDecimal(string text) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, @"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$") && text.Count(char.IsAsciiDigit) <= 15;
}
