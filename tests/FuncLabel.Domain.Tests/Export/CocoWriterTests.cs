using System.Text.Json;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Export;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Export;

public sealed class CocoWriterTests
{
    [Fact]
    public async Task WriteAsync_BoxPolygonMask_AndSkipsWhatCocoCannotHold()
    {
        Annotation[] annotations =
        [
            new(Guid.NewGuid(), "car", new BoundingBox(1, 2, 3, 4), [], AnnotationSource.Consensus),
            new(Guid.NewGuid(), "road", new PolygonGeometry([new(0, 0), new(4, 0), new(4, 3)]), [], AnnotationSource.Consensus),
            new(Guid.NewGuid(), "sky", new MaskGeometry(3, 2, [1, 2, 1, 2]), [], AnnotationSource.Consensus),
            new(Guid.NewGuid(), "eye", new PointGeometry(1, 1), [], AnnotationSource.Consensus),
            new(Guid.NewGuid(), "caption", new TextAnswer("x"), AnnotationSource.Consensus),
        ];
        using var stream = new MemoryStream();

        var summary = await CocoWriter.WriteAsync(stream, TestOntology.Instance, Images(new CocoImage("a1", "img.jpg", 3, 2, annotations)), CancellationToken.None);

        Assert.Equal(new CocoWriteSummary(1, 3, 2), summary);
        using var json = JsonDocument.Parse(stream.ToArray());
        var root = json.RootElement;
        Assert.Equal(["car", "road", "sky"], root.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
        var items = root.GetProperty("annotations").EnumerateArray().ToList();
        Assert.Equal([1.0, 2, 3, 4], items[0].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(12, items[0].GetProperty("area").GetDouble());
        Assert.Equal(6, items[1].GetProperty("area").GetDouble());
        Assert.Equal([0.0, 0, 4, 3], items[1].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        // Mask rows: 0 1 1 / 0 1 1 → column-major: col0 = 0 0, col1 = 1 1, col2 = 1 1 → counts [2, 4].
        Assert.Equal([2, 4], items[2].GetProperty("segmentation").GetProperty("counts").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal([2, 3], items[2].GetProperty("segmentation").GetProperty("size").EnumerateArray().Select(v => v.GetInt32()));
        Assert.Equal([1.0, 0, 2, 2], items[2].GetProperty("bbox").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal(3, items[2].GetProperty("category_id").GetInt32());
        Assert.Equal("img.jpg", root.GetProperty("images")[0].GetProperty("file_name").GetString());
    }

    private static async IAsyncEnumerable<CocoImage> Images(params CocoImage[] images)
    {
        foreach (var image in images)
        {
            await Task.Yield();
            yield return image;
        }
    }
}
