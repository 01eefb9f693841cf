using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>At least one refused line per reason code, checking the reason, the field path and the uuid in the error.</summary>
public sealed class NdjsonReasonCodeTests
{
    private const string U = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
    private const string Row = "\"dataRow\":{\"id\":\"r\"}";

    public static TheoryData<string, NdjsonErrorReason, string> Lines => new()
    {
        { """{"uuid":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11","dataRow":{"id":"r"},"name":"eye","point":{"x":1,"y":""", NdjsonErrorReason.InvalidJson, "" },
        { """[1,2,3]""", NdjsonErrorReason.InvalidJson, "" },
        { """{"uuid":"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"} {}""", NdjsonErrorReason.InvalidJson, "" },
        { $$$"""{{{Row}}},"name":"eye","point":{"x":1,"y":1}}""".Insert(0, "{"), NdjsonErrorReason.MissingUuid, "uuid" },
        { $$$"""{"uuid":"not-a-uuid",{{{Row}}},"name":"eye","point":{"x":1,"y":1}}""", NdjsonErrorReason.InvalidUuid, "uuid" },
        { $$$"""{"uuid":42,{{{Row}}},"name":"eye","point":{"x":1,"y":1}}""", NdjsonErrorReason.InvalidUuid, "uuid" },
        { $$$"""{"uuid":"{{{U}}}","name":"eye","point":{"x":1,"y":1}}""", NdjsonErrorReason.MissingDataRow, "dataRow" },
        { $$$"""{"uuid":"{{{U}}}","dataRow":{},"name":"eye","point":{"x":1,"y":1}}""", NdjsonErrorReason.MissingDataRow, "dataRow" },
        { $$$"""{"uuid":"{{{U}}}","dataRow":{"id":"r","globalKey":"k"},"name":"eye","point":{"x":1,"y":1}}""", NdjsonErrorReason.AmbiguousDataRow, "dataRow" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"point":{"x":1,"y":1}}""", NdjsonErrorReason.MissingClass, "" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"unicorn","point":{"x":1,"y":1}}""", NdjsonErrorReason.UnknownClass, "name" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"schemaId":"eye","name":"car","point":{"x":1,"y":1}}""", NdjsonErrorReason.UnknownClass, "schemaId" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":1,"left":1,"height":1,"width":1},"classifications":[{"name":"wheels","answer":"4"}]}""", NdjsonErrorReason.UnknownClass, "classifications[0].name" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","point":{"x":1,"y":1}}""", NdjsonErrorReason.WrongToolForClass, "point" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car"}""", NdjsonErrorReason.WrongToolForClass, "" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"weather","answer":"sunny"}""", NdjsonErrorReason.WrongToolForClass, "answer" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"caption","point":{"x":1,"y":1}}""", NdjsonErrorReason.WrongToolForClass, "point" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"weather","answer":{"name":"snowy"}}""", NdjsonErrorReason.UnknownAnswer, "answer.name" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"weather","answer":{"name":"rainy","classifications":[{"name":"intensity","answer":{"name":"medium"}}]}}""", NdjsonErrorReason.UnknownAnswer, "answer.classifications[0].answer.name" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"tags","answer":[{"name":"a"},{"name":"a"}]}""", NdjsonErrorReason.DuplicateAnswer, "answer[1]" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":1,"left":1,"height":-5,"width":1}}""", NdjsonErrorReason.InvalidGeometry, "bbox.height" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":1,"left":1,"height":1}}""", NdjsonErrorReason.InvalidGeometry, "bbox" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":"1","left":1,"height":1,"width":1}}""", NdjsonErrorReason.InvalidGeometry, "bbox.top" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"road","polygon":[{"x":1,"y":1},{"x":2,"y":2},{"x":1,"y":1}]}""", NdjsonErrorReason.InvalidGeometry, "polygon" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"road","polygon":[{"x":0,"y":0},{"x":1,"y":1},{"x":2,"y":2}]}""", NdjsonErrorReason.InvalidGeometry, "polygon" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":1e400,"y":1}}""", NdjsonErrorReason.InvalidGeometry, "point.x" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":1,"y":1},"bbox":{"top":1,"left":1,"height":1,"width":1}}""", NdjsonErrorReason.InvalidGeometry, "bbox" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"sky","mask":{"png":"bm90IGEgcG5n"}}""", NdjsonErrorReason.InvalidGeometry, "mask.png" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"sky","mask":{"instanceURI":"m.png"}}""", NdjsonErrorReason.InvalidGeometry, "mask.colorRGB" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"person","location":{"start":5,"end":2}}""", NdjsonErrorReason.InvalidGeometry, "location.end" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":-0.5,"y":1}}""", NdjsonErrorReason.OutOfBounds, "point.x" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"road","polygon":[{"x":0,"y":0},{"x":4,"y":0},{"x":4,"y":1e12}]}""", NdjsonErrorReason.OutOfBounds, "polygon[2].y" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":1,"y":1},"confidence":1.5}""", NdjsonErrorReason.ConfidenceOutOfRange, "confidence" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":1,"y":1},"confidence":"high"}""", NdjsonErrorReason.ConfidenceOutOfRange, "confidence" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","relationship":{"source":"x","target":"y","type":"unidirectional"}}""", NdjsonErrorReason.UnsupportedShape, "relationship" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","segments":[{"keyframes":[{"frame":1,"bbox":{"top":1,"left":1,"height":1,"width":1}}]}]}""", NdjsonErrorReason.UnsupportedShape, "segments" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"person","textSelections":[{"tokenIds":["t"],"groupId":"g","page":1}]}""", NdjsonErrorReason.UnsupportedShape, "textSelections" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"person","messageId":"m1","location":{"start":0,"end":1}}""", NdjsonErrorReason.UnsupportedShape, "messageId" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":1,"left":1,"height":1,"width":1},"page":0,"unit":"POINTS"}""", NdjsonErrorReason.UnsupportedShape, "page" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"sky","mask":{"instanceURI":"https://example.com/mask.png","colorRGB":[1,1,1]}}""", NdjsonErrorReason.ExternalUrl, "mask.instanceURI" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"sky","mask":{"url":"https://acct.blob.core.windows.net/prelabels/other/m.png","colorRGB":[1,1,1]}}""", NdjsonErrorReason.ExternalUrl, "mask.url" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"sky","mask":{"instanceURI":"../other/m.png","colorRGB":[1,1,1]}}""", NdjsonErrorReason.ExternalUrl, "mask.instanceURI" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":7,"point":{"x":1,"y":1}}""", NdjsonErrorReason.InvalidValue, "name" },
        { $$$"""{"uuid":"{{{U}}}","dataRow":"r","name":"eye","point":{"x":1,"y":1}}""", NdjsonErrorReason.InvalidValue, "dataRow" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"tags","answer":[1]}""", NdjsonErrorReason.InvalidValue, "answer[0]" },
        { $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":1,"left":1,"height":1,"width":1},"classifications":{}}""", NdjsonErrorReason.InvalidValue, "classifications" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Read_RefusedLine(string line, NdjsonErrorReason reason, string field)
    {
        var error = await NdjsonTestReader.ReadErrorAsync(line);

        Assert.Equal(reason, error.Reason);
        Assert.Equal(field, error.Field);
        Assert.Equal(1, error.LineNumber);
        Assert.False(string.IsNullOrEmpty(error.Message));
    }

    [Fact]
    public void Lines_CoverEveryReasonCode()
    {
        var covered = Lines.Select(row => (NdjsonErrorReason)row[1]).Append(NdjsonErrorReason.LineTooLong).Append(NdjsonErrorReason.DuplicateUuid).Append(NdjsonErrorReason.OutOfBounds).ToHashSet();

        Assert.Equal(Enum.GetValues<NdjsonErrorReason>().ToHashSet(), covered);
    }

    [Fact]
    public async Task Read_OutOfBounds_AgainstKnownImageSize()
    {
        var options = NdjsonTestReader.Options(AssetExtent.Image(100, 50));

        var error = await NdjsonTestReader.ReadErrorAsync($$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"car","bbox":{"top":10,"left":90,"height":10,"width":20}}""", options);

        Assert.Equal(NdjsonErrorReason.OutOfBounds, error.Reason);
        Assert.Equal("bbox.width", error.Field);
    }

    [Fact]
    public async Task Read_OutOfBounds_AgainstKnownTextLength()
    {
        var options = NdjsonTestReader.Options(AssetExtent.Text(10));

        var error = await NdjsonTestReader.ReadErrorAsync($$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"person","location":{"start":5,"end":10}}""", options);

        Assert.Equal(NdjsonErrorReason.OutOfBounds, error.Reason);
        Assert.Equal("location.end", error.Field);
    }

    [Fact]
    public async Task Read_OutOfBounds_MaskSizeDiffersFromImage()
    {
        var png = Convert.ToBase64String(TestPng.Encode(2, 1, 8, 0, [[0, 255]]));

        var error = await NdjsonTestReader.ReadErrorAsync($$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"sky","mask":{"png":"{{{png}}}"}}""", NdjsonTestReader.Options(AssetExtent.Image(4, 4)));

        Assert.Equal(NdjsonErrorReason.OutOfBounds, error.Reason);
        Assert.Equal("mask", error.Field);
    }

    [Fact]
    public async Task ReadAsync_DuplicateUuidOnSameDataRow()
    {
        var line = $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":1,"y":1}}""";
        var otherRow = $$$"""{"uuid":"{{{U}}}","dataRow":{"id":"other"},"name":"eye","point":{"x":1,"y":1}}""";

        var results = await NdjsonTestReader.ReadAsync(string.Join("\n", line, otherRow, line.Replace("{\"x\":1", "{\"x\":2", StringComparison.Ordinal)));

        Assert.NotNull(results[0].Record);
        Assert.NotNull(results[1].Record);
        Assert.Equal(NdjsonErrorReason.DuplicateUuid, results[2].Error?.Reason);
        Assert.Equal(3, results[2].LineNumber);
        Assert.Equal(U, results[2].Error!.Uuid);
    }

    [Fact]
    public async Task ReadAsync_LineTooLong_IsReportedAndTheNextLineStillReads()
    {
        var good = $$$"""{"uuid":"{{{U}}}",{{{Row}}},"name":"eye","point":{"x":1,"y":1}}""";
        var longLine = $$$"""{"uuid":"b0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",{{{Row}}},"name":"caption","answer":"{{{new string('x', 5000)}}}"}""";

        var results = await NdjsonTestReader.ReadAsync(string.Join("\n", longLine, good, longLine), NdjsonTestReader.Options(maxLineBytes: 1024));

        Assert.Equal([1L, 2L, 3L], results.Select(r => r.LineNumber));
        Assert.Equal(NdjsonErrorReason.LineTooLong, results[0].Error?.Reason);
        Assert.NotNull(results[1].Record);
        Assert.Equal(NdjsonErrorReason.LineTooLong, results[2].Error?.Reason);
    }

    [Fact]
    public async Task ReadAsync_DataRowsOfManyLines_EachLineKeepsItsOwn()
    {
        // Recent data rows are shared between lines; non-ASCII and escaped ids take the general path.
        string[] ids = ["asset-1", "asset-2", "asset-1", "bild-ä", "asset-1", "asset-\\u0031", "asset-2"];
        var lines = ids.Select((id, i) => $$$"""{"uuid":"{{{new Guid(i + 1, 0, 0, new byte[8])}}}","dataRow":{"{{{(i % 2 == 0 ? "id" : "globalKey")}}}":"{{{id}}}"},"name":"eye","point":{"x":1,"y":1}}""");

        var results = await NdjsonTestReader.ReadAsync(string.Join("\n", lines));

        string[] expected = ["asset-1", "asset-2", "asset-1", "bild-ä", "asset-1", "asset-1", "asset-2"];
        Assert.Equal(expected, results.Select(r => r.Record!.DataRow.Id ?? r.Record.DataRow.GlobalKey));
        Assert.Equal(ids.Select((_, i) => i % 2 == 0), results.Select(r => r.Record!.DataRow.Id is not null));
    }

    [Fact]
    public async Task Read_ErrorCarriesUuidEvenWhenItComesAfterTheFault()
    {
        var error = await NdjsonTestReader.ReadErrorAsync($$$"""{"name":"car","bbox":"big",{{{Row}}},"uuid":"{{{U}}}"}""");

        Assert.Equal(NdjsonErrorReason.InvalidGeometry, error.Reason);
        Assert.Equal(U, error.Uuid);
    }
}
