using System.Text;
using System.Text.Json;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>
/// Vertex arrays in every form JSON allows give the same vertices, and a refusal inside an array keeps its reason and
/// field even when the array's JSON is broken further on (guards for any faster reading of the usual form).
/// </summary>
public sealed class NdjsonVertexArrayTests
{
    private const string Head = """{"uuid":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","dataRow":{"id":"r"},"name":"road","polygon":""";

    [Theory]
    [InlineData("""[{"x":10,"y":10},{"x":50.5,"y":10},{"x":50.5,"y":40.25},{"x":10,"y":40.25}]""")]
    [InlineData("""[ { "x" : 10 , "y" : 10 } ,{"x":50.5,"y":10},	{"x":50.5,"y":40.25}, {"x":10,"y":40.25} ]""")]
    [InlineData("""[{"y":10,"x":10},{"x":50.5,"y":10},{"x":50.5,"y":40.25},{"x":10,"y":40.25}]""")]
    [InlineData("""[{"x":10,"y":10,"z":3},{"x":50.5,"y":10},{"x":50.5,"y":40.25},{"x":10,"y":40.25}]""")]
    [InlineData("""[{"x":1e1,"y":10},{"x":50.5,"y":10},{"x":5.05E1,"y":40.25},{"x":10,"y":40.25}]""")]
    [InlineData("""[{"\u0078":10,"y":10},{"x":50.5,"y":10},{"x":50.5,"y":40.25},{"x":10,"y":40.25}]""")]
    [InlineData("""[{"x":10.000000000000000000,"y":10},{"x":50.5,"y":10},{"x":50.5,"y":40.25},{"x":10,"y":40.25}]""")]
    public async Task Read_VertexArrayForms_SameVertices(string array)
    {
        var record = await NdjsonTestReader.ReadOneAsync(Head + array + "}");

        Assert.Equal(new PolygonGeometry([new(10, 10), new(50.5, 10), new(50.5, 40.25), new(10, 40.25)]), record.Annotation.Geometry);
    }

    [Theory]
    [InlineData("""[{"x":"a","y":1},{"x":2,"y":2},{"x":3,""", NdjsonErrorReason.InvalidGeometry, "polygon[0].x")]
    [InlineData("""[{"x":1,"y":1},{"x":2},{"x":3,"y":3},{"x":3,,""", NdjsonErrorReason.InvalidGeometry, "polygon[1]")]
    [InlineData("""[{"x":1,"y":1},{"x":2,"y":2},{"x":3,,"y":3}]}""", NdjsonErrorReason.InvalidJson, "")]
    [InlineData("""[{"x":1,"y":1},{"x":2,"y":2},{"x":3,"y":3}],"polygon":[]}""", NdjsonErrorReason.InvalidGeometry, "polygon")]
    [InlineData("""[{"x":1,"y":1},{"x":2,"y":2},{"x":3,"y":-3}]}""", NdjsonErrorReason.OutOfBounds, "polygon[2].y")]
    public async Task Read_RefusedVertexArray_ReasonAndField(string rest, NdjsonErrorReason reason, string field)
    {
        var error = await NdjsonTestReader.ReadErrorAsync(Head + rest);

        Assert.Equal(reason, error.Reason);
        Assert.Equal(field, error.Field);
        Assert.Equal("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", error.Uuid);
    }

    [Fact]
    public async Task Read_BrokenArray_MessageOfTheTokenReader()
    {
        // The message names the byte where a reader reading token by token stops.
        var line = Head + """[{"x":1,"y":1},{"x":2,"y":2},{"x":3 "y":3}]}""";
        string expected;
        try
        {
            var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(line), new JsonReaderOptions { MaxDepth = 64 });
            while (reader.Read())
            {
            }

            expected = "no syntax error";
        }
        catch (JsonException e)
        {
            expected = $"Not valid JSON: {e.Message}";
        }

        var error = await NdjsonTestReader.ReadErrorAsync(line);

        Assert.Equal(NdjsonErrorReason.InvalidJson, error.Reason);
        Assert.Equal(expected, error.Message);
    }
}
