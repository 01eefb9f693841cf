using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Export;

/// <summary>One image of a COCO export: the asset, its file name and size, and the annotations to export for it.</summary>
public sealed record CocoImage(string AssetId, string FileName, int Width, int Height, IReadOnlyList<Annotation> Annotations);

/// <summary>How many annotations went into a COCO file and how many had no COCO form.</summary>
public sealed record CocoWriteSummary(int Images, int Annotations, int Skipped);

/// <summary>
/// Writes a COCO object-detection JSON file (<c>images</c>, <c>annotations</c>, <c>categories</c>).
/// </summary>
/// <remarks>
/// <para>Categories are the ontology's top-level classes drawn with bbox, polygon or mask, numbered 1… in ontology order
/// (<c>supercategory</c> is the tool). Image ids are 1… in input order (<c>file_name</c> as given, plus our
/// <c>asset_id</c>); annotation ids 1… in output order.</para>
/// <para>Boxes: <c>bbox [x, y, w, h]</c>, <c>area = w·h</c>, segmentation the box's four corners. Polygons: one ring
/// <c>[x1, y1, x2, y2, …]</c>, <c>area</c> by the shoelace formula, <c>bbox</c> the ring's bounds. Masks: uncompressed RLE
/// <c>{counts, size: [h, w]}</c> in column-major order (<see cref="CocoRle"/>), <c>area</c> the pixel count, <c>bbox</c> the
/// tight pixel bounds. <c>iscrowd</c> is always 0. Points, polylines, text spans, classifications and unresolved
/// <see cref="MaskBlobReference"/>s have no COCO detection form: they are counted in
/// <see cref="CocoWriteSummary.Skipped"/>, never silently lost. Annotations are streamed; only image metadata is buffered.</para>
/// </remarks>
public static class CocoWriter
{
    public static async Task<CocoWriteSummary> WriteAsync(Stream stream, Ontology ontology, IAsyncEnumerable<CocoImage> images, CancellationToken cancellationToken)
    {
        var categories = new Dictionary<string, (int Id, OntologyClass Class)>(StringComparer.Ordinal);
        foreach (var @class in ontology.Classes.Where(c => c.Tool is Tool.Bbox or Tool.Polygon or Tool.Mask))
        {
            categories[@class.SchemaId] = (categories.Count + 1, @class);
        }

        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var imageList = new List<(int Id, CocoImage Image)>();
        int annotationId = 0, skipped = 0;
        writer.WriteStartObject();
        writer.WriteStartArray("annotations"u8);
        await foreach (var image in images.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            var imageId = imageList.Count + 1;
            imageList.Add((imageId, image with { Annotations = [] }));
            foreach (var annotation in image.Annotations)
            {
                if (annotation.Geometry is null || !categories.TryGetValue(annotation.SchemaId, out var category) || !TryWriteAnnotation(writer, annotationId + 1, imageId, category.Id, annotation.Geometry))
                {
                    skipped++;
                    continue;
                }

                annotationId++;
            }

            await FlushAsync(writer, buffer, stream, cancellationToken).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("images"u8);
        foreach (var (id, image) in imageList)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id"u8, id);
            writer.WriteString("file_name"u8, image.FileName);
            writer.WriteNumber("width"u8, image.Width);
            writer.WriteNumber("height"u8, image.Height);
            writer.WriteString("asset_id"u8, image.AssetId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("categories"u8);
        foreach (var (id, @class) in categories.Values.OrderBy(c => c.Id))
        {
            writer.WriteStartObject();
            writer.WriteNumber("id"u8, id);
            writer.WriteString("name"u8, @class.Name);
            writer.WriteString("supercategory"u8, @class.Tool.ToString().ToLowerInvariant());
            writer.WriteString("schema_id"u8, @class.SchemaId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await FlushAsync(writer, buffer, stream, cancellationToken).ConfigureAwait(false);
        return new CocoWriteSummary(imageList.Count, annotationId, skipped);
    }

    private static bool TryWriteAnnotation(Utf8JsonWriter writer, int id, int imageId, int categoryId, AnnotationGeometry geometry)
    {
        switch (geometry)
        {
            case BoundingBox box:
                Begin(writer, id, imageId, categoryId, box.Left, box.Top, box.Width, box.Height, box.Area);
                writer.WriteStartArray("segmentation"u8);
                writer.WriteStartArray();
                foreach (var value in (ReadOnlySpan<double>)[box.Left, box.Top, box.Right, box.Top, box.Right, box.Bottom, box.Left, box.Bottom])
                {
                    writer.WriteNumberValue(value);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            case PolygonGeometry polygon:
                var minX = polygon.Points.Min(p => p.X);
                var minY = polygon.Points.Min(p => p.Y);
                Begin(writer, id, imageId, categoryId, minX, minY, polygon.Points.Max(p => p.X) - minX, polygon.Points.Max(p => p.Y) - minY, ShoelaceArea(polygon.Points));
                writer.WriteStartArray("segmentation"u8);
                writer.WriteStartArray();
                foreach (var point in polygon.Points)
                {
                    writer.WriteNumberValue(point.X);
                    writer.WriteNumberValue(point.Y);
                }

                writer.WriteEndArray();
                writer.WriteEndArray();
                break;
            case MaskGeometry mask:
                var (x, y, width, height) = CocoRle.Bounds(mask);
                Begin(writer, id, imageId, categoryId, x, y, width, height, mask.Area);
                writer.WriteStartObject("segmentation"u8);
                writer.WriteStartArray("counts"u8);
                foreach (var count in CocoRle.ColumnMajorCounts(mask))
                {
                    writer.WriteNumberValue(count);
                }

                writer.WriteEndArray();
                writer.WriteStartArray("size"u8);
                writer.WriteNumberValue(mask.Height);
                writer.WriteNumberValue(mask.Width);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                return false;
        }

        writer.WriteEndObject();
        return true;
    }

    private static void Begin(Utf8JsonWriter writer, int id, int imageId, int categoryId, double x, double y, double width, double height, double area)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id"u8, id);
        writer.WriteNumber("image_id"u8, imageId);
        writer.WriteNumber("category_id"u8, categoryId);
        writer.WriteStartArray("bbox"u8);
        writer.WriteNumberValue(x);
        writer.WriteNumberValue(y);
        writer.WriteNumberValue(width);
        writer.WriteNumberValue(height);
        writer.WriteEndArray();
        writer.WriteNumber("area"u8, area);
        writer.WriteNumber("iscrowd"u8, 0);
    }

    /// <summary>|Σ (x_i · y_{i+1} − x_{i+1} · y_i)| / 2 over the implicitly closed ring.</summary>
    internal static double ShoelaceArea(IReadOnlyList<PixelPoint> ring)
    {
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % ring.Count];
            sum += (a.X * b.Y) - (b.X * a.Y);
        }

        return Math.Abs(sum) / 2;
    }

    private static async Task FlushAsync(Utf8JsonWriter writer, ArrayBufferWriter<byte> buffer, Stream stream, CancellationToken cancellationToken)
    {
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
        buffer.ResetWrittenCount();
    }
}
