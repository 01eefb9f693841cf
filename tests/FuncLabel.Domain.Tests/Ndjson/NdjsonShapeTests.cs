using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Masks;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>One Labelbox-style line per supported shape, read through the streaming reader.</summary>
public sealed class NdjsonShapeTests
{
    private const string Uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";

    [Fact]
    public async Task Read_Bbox()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"ckrazctum0z8a0ybc0b0o0g0v"},"name":"car","bbox":{"top":30.5,"left":20,"height":170,"width":150},"classifications":[]}""");

        Assert.Equal(DataRowReference.ById("ckrazctum0z8a0ybc0b0o0g0v"), record.DataRow);
        Assert.Equal(Guid.Parse(Uuid), record.Annotation.Uuid);
        Assert.Equal("car", record.Annotation.SchemaId);
        Assert.Equal(new BoundingBox(20, 30.5, 150, 170), record.Annotation.Geometry);
        Assert.Equal(AnnotationSource.Prelabel, record.Annotation.Source);
        Assert.Null(record.Annotation.Confidence);
        Assert.False(record.GeometryRepaired);
    }

    [Fact]
    public async Task Read_Polygon()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"globalKey":"img-1.jpg"},"schemaId":"road","polygon":[{"x":10,"y":10},{"x":50,"y":10},{"x":50,"y":40},{"x":10,"y":40}],"confidence":0.75}""");

        Assert.Equal(DataRowReference.ByGlobalKey("img-1.jpg"), record.DataRow);
        Assert.Equal(new PolygonGeometry([new(10, 10), new(50, 10), new(50, 40), new(10, 40)]), record.Annotation.Geometry);
        Assert.Equal(0.75, record.Annotation.Confidence);
    }

    [Fact]
    public async Task Read_PolygonWithClosingVertex_DropsTheRepeat()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"road","polygon":[{"x":0,"y":0},{"x":4,"y":0},{"x":4,"y":4},{"x":0,"y":0}]}""");

        Assert.Equal(new PolygonGeometry([new(0, 0), new(4, 0), new(4, 4)]), record.Annotation.Geometry);
        Assert.False(record.GeometryRepaired);
    }

    [Fact]
    public async Task Read_SelfIntersectingPolygon_IsRepairedAndFlagged()
    {
        // A bow-tie: (0,0)→(10,10)→(10,0)→(0,10) crosses itself at (5,5); the fix yields two triangles of area 25.
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"road","polygon":[{"x":0,"y":0},{"x":10,"y":10},{"x":10,"y":0},{"x":0,"y":10}]}""");

        Assert.True(record.GeometryRepaired);
        var polygon = Assert.IsType<PolygonGeometry>(record.Annotation.Geometry);
        Assert.Equal(3, polygon.Points.Count);
        Assert.Equal(25, FuncLabel.Domain.Export.CocoWriter.ShoelaceArea(polygon.Points), 9);
    }

    [Fact]
    public async Task Read_Point()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"eye","point":{"x":12.25,"y":99}}""");

        Assert.Equal(new PointGeometry(12.25, 99), record.Annotation.Geometry);
    }

    [Fact]
    public async Task Read_Polyline()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"lane","line":[{"x":0,"y":0},{"x":5,"y":5},{"x":0,"y":10}]}""");

        Assert.Equal(new PolylineGeometry([new(0, 0), new(5, 5), new(0, 10)]), record.Annotation.Geometry);
    }

    [Fact]
    public async Task Read_MaskInlinePng_SelectsTheInstanceByColor()
    {
        // 3×2 RGB composite: row 0 = red, white, red; row 1 = white, white, black.
        byte[][] rows = [[255, 0, 0, 255, 255, 255, 255, 0, 0], [255, 255, 255, 255, 255, 255, 0, 0, 0]];
        var png = Convert.ToBase64String(TestPng.Encode(3, 2, 8, 2, rows, filter: 4));

        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"sky","mask":{"png":"{{{png}}}","colorRGB":[255,255,255]}}""");

        var mask = Assert.IsType<MaskGeometry>(record.Annotation.Geometry);
        Assert.Equal(new MaskGeometry(3, 2, [1, 1, 1, 2, 1]), mask);
        Assert.Equal(3, mask.Area);
    }

    [Fact]
    public async Task Read_MaskRelativeInstanceUri_NeedsTheBlob()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"sky","mask":{"instanceURI":"masks/composite.png","colorRGB":[255,0,0]}}""");

        Assert.Equal(new MaskBlobReference("proj1/masks/composite.png", new RgbColor(255, 0, 0)), record.Annotation.Geometry);
    }

    [Fact]
    public async Task Read_MaskUrlInsidePrelabelsContainer_NeedsTheBlob()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"sky","mask":{"url":"https://acct.blob.core.windows.net/prelabels/proj1/m%201.png?sv=2024&sig=x","colorRGB":[1,2,3]}}""");

        Assert.Equal(new MaskBlobReference("proj1/m 1.png", new RgbColor(1, 2, 3)), record.Annotation.Geometry);
    }

    [Fact]
    public async Task Read_TextEntity()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"person","location":{"start":4,"end":9}}""");

        Assert.Equal(new TextSpan(4, 9), record.Annotation.Geometry);
    }

    [Fact]
    public async Task Read_RadioClassificationWithNestedAnswer()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"weather","answer":{"name":"rainy","classifications":[{"name":"intensity","answer":{"name":"heavy"}}]}}""");

        var expected = new RadioAnswer(new SelectedOption("weather-rainy", [new Classification("weather-rainy-intensity", new RadioAnswer(new SelectedOption("intensity-heavy")))]));
        Assert.Equal(expected, record.Annotation.Answer);
        Assert.Null(record.Annotation.Geometry);
    }

    [Fact]
    public async Task Read_ChecklistClassification()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"tags","answer":[{"name":"c"},{"schemaId":"tag-a"}]}""");

        Assert.Equal(new ChecklistAnswer([new SelectedOption("tag-c"), new SelectedOption("tag-a")]), record.Annotation.Answer);
    }

    [Fact]
    public async Task Read_FreeTextClassification()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"caption","answer":"a red car, \u00e9t\u00e9 \ud83d\ude97"}""");

        Assert.Equal(new TextAnswer("a red car, été 🚗"), record.Annotation.Answer);
    }

    [Fact]
    public async Task Read_BboxWithNestedClassificationsTwoLevelsDeep()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"car","bbox":{"top":1,"left":2,"height":3,"width":4},"classifications":[{"name":"color","answer":{"name":"blue","classifications":[{"name":"shade","answer":"navy"}]}},{"name":"occluded","answer":[{"name":"back"}]}]}""");

        ValueListAssert(record.Annotation.Classifications,
            new Classification("car-color", new RadioAnswer(new SelectedOption("car-color-blue", [new Classification("car-color-blue-shade", new TextAnswer("navy"))]))),
            new Classification("car-occluded", new ChecklistAnswer([new SelectedOption("car-occluded-back")])));
    }

    [Theory]
    [InlineData("A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")]
    [InlineData("{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}")]
    [InlineData("a0eebc999c0b4ef8bb6d6bb9bd380a11")]
    [InlineData("a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11")]
    [InlineData("{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}")]
    public async Task Read_UuidInEveryLabelboxForm(string uuid)
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"uuid":"{{{uuid}}}","dataRow":{"id":"r"},"name":"eye","point":{"x":1,"y":1}}""");

        Assert.Equal(Guid.Parse(Uuid), record.Annotation.Uuid);
    }

    [Fact]
    public async Task Read_ExtraFieldsAreIgnored()
    {
        var record = await NdjsonTestReader.ReadOneAsync($$$"""{"customMetrics":[{"name":"iou","value":0.5}],"uuid":"{{{Uuid}}}","featureId":{"nested":[1,2,{"a":null}]},"dataRow":{"id":"r","extra":true},"name":"eye","point":{"x":1,"y":2,"z":3}}""");

        Assert.Equal(new PointGeometry(1, 2), record.Annotation.Geometry);
    }

    [Fact]
    public async Task ReadAsync_BadLinesDoNotStopGoodOnes()
    {
        var text = "\uFEFF" + string.Join("\r\n",
            $$$"""{"uuid":"{{{Uuid}}}","dataRow":{"id":"r"},"name":"eye","point":{"x":1,"y":2}}""",
            "{not json",
            string.Empty,
            $$$"""{"uuid":"b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","dataRow":{"id":"r"},"name":"nope","point":{"x":1,"y":2}}""",
            $$$"""{"uuid":"c0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","dataRow":{"id":"r"},"name":"eye","point":{"x":3,"y":4}}""");

        var results = await NdjsonTestReader.ReadAsync(text);

        Assert.Equal([1L, 2L, 4L, 5L], results.Select(r => r.LineNumber));
        Assert.NotNull(results[0].Record);
        Assert.Equal(NdjsonErrorReasonOf(results[1]), FuncLabel.Domain.Ndjson.NdjsonErrorReason.InvalidJson);
        Assert.Equal(NdjsonErrorReasonOf(results[2]), FuncLabel.Domain.Ndjson.NdjsonErrorReason.UnknownClass);
        Assert.Equal("b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", results[2].Error!.Uuid);
        Assert.Equal(new PointGeometry(3, 4), results[3].Record!.Annotation.Geometry);
    }

    private static FuncLabel.Domain.Ndjson.NdjsonErrorReason? NdjsonErrorReasonOf(FuncLabel.Domain.Ndjson.NdjsonLineResult result) => result.Error?.Reason;

    private static void ValueListAssert<T>(IReadOnlyList<T> actual, params T[] expected) => Assert.Equal(expected, actual);
}
