using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Masks;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Writes annotations as Labelbox-compatible NDJSON, the same format <see cref="NdjsonPrelabelReader"/> reads, one
/// annotation per line (LF).
/// </summary>
/// <remarks>
/// Classes, questions and options are written by <c>schemaId</c> only (names may be renamed; ids never change).
/// Numbers use .NET's shortest round-trip formatting, so reading a written line yields an equal
/// <see cref="Annotation"/>. Masks: a decoded <see cref="MaskGeometry"/> becomes <c>mask.png</c> (greyscale PNG via
/// <see cref="PngMaskEncoder"/>); a <see cref="MaskBlobReference"/> becomes a relative <c>instanceURI</c> (its blob path
/// without the leading <c>{projectId}/</c>) plus <c>colorRGB</c>, which the reader resolves back to the same blob.
/// <see cref="Annotation.Source"/> is not part of the format and is not written; empty nested
/// <c>classifications</c> are omitted.
/// </remarks>
public static class NdjsonAnnotationWriter
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    /// <summary>Writes all annotations, flushing to <paramref name="stream"/> every 64 KiB.</summary>
    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<(DataRowReference DataRow, Annotation Annotation)> annotations, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await foreach (var (dataRow, annotation) in annotations.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            WriteLine(buffer, dataRow, annotation);
            if (buffer.WrittenCount >= 64 * 1024)
            {
                await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
        }

        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes one annotation and its newline.</summary>
    public static void WriteLine(IBufferWriter<byte> output, DataRowReference dataRow, Annotation annotation)
    {
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("uuid"u8, annotation.Uuid);
            writer.WriteStartObject("dataRow"u8);
            if (dataRow.Id is { } id)
            {
                writer.WriteString("id"u8, id);
            }
            else
            {
                writer.WriteString("globalKey"u8, dataRow.GlobalKey);
            }

            writer.WriteEndObject();
            writer.WriteString("schemaId"u8, annotation.SchemaId);
            if (annotation.Confidence is { } confidence)
            {
                writer.WriteNumber("confidence"u8, confidence);
            }

            if (annotation.Geometry is { } geometry)
            {
                WriteGeometry(writer, geometry);
            }
            else
            {
                writer.WritePropertyName("answer"u8);
                WriteAnswer(writer, annotation.Answer!);
            }

            WriteClassifications(writer, annotation.Classifications);
            writer.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    private static void WriteGeometry(Utf8JsonWriter writer, AnnotationGeometry geometry)
    {
        switch (geometry)
        {
            case BoundingBox box:
                writer.WriteStartObject("bbox"u8);
                writer.WriteNumber("top"u8, box.Top);
                writer.WriteNumber("left"u8, box.Left);
                writer.WriteNumber("height"u8, box.Height);
                writer.WriteNumber("width"u8, box.Width);
                writer.WriteEndObject();
                break;
            case PolygonGeometry polygon:
                WritePoints(writer, "polygon"u8, polygon.Points);
                break;
            case PolylineGeometry line:
                WritePoints(writer, "line"u8, line.Points);
                break;
            case PointGeometry point:
                writer.WriteStartObject("point"u8);
                writer.WriteNumber("x"u8, point.X);
                writer.WriteNumber("y"u8, point.Y);
                writer.WriteEndObject();
                break;
            case TextSpan span:
                writer.WriteStartObject("location"u8);
                writer.WriteNumber("start"u8, span.Start);
                writer.WriteNumber("end"u8, span.End);
                writer.WriteEndObject();
                break;
            case MaskGeometry mask:
                writer.WriteStartObject("mask"u8);
                writer.WriteBase64String("png"u8, PngMaskEncoder.Encode(mask));
                writer.WriteEndObject();
                break;
            case MaskBlobReference reference:
                writer.WriteStartObject("mask"u8);
                var slash = reference.BlobPath.IndexOf('/', StringComparison.Ordinal);
                writer.WriteString("instanceURI"u8, slash >= 0 ? reference.BlobPath[(slash + 1)..] : reference.BlobPath);
                writer.WriteStartArray("colorRGB"u8);
                writer.WriteNumberValue(reference.ColorRgb.R);
                writer.WriteNumberValue(reference.ColorRgb.G);
                writer.WriteNumberValue(reference.ColorRgb.B);
                writer.WriteEndArray();
                writer.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(geometry), geometry.GetType().Name, "Unknown geometry type.");
        }
    }

    private static void WritePoints(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IReadOnlyList<PixelPoint> points)
    {
        writer.WriteStartArray(name);
        foreach (var point in points)
        {
            writer.WriteStartObject();
            writer.WriteNumber("x"u8, point.X);
            writer.WriteNumber("y"u8, point.Y);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteAnswer(Utf8JsonWriter writer, ClassificationAnswer answer)
    {
        switch (answer)
        {
            case TextAnswer text:
                writer.WriteStringValue(text.Text);
                break;
            case RadioAnswer radio:
                WriteOption(writer, radio.Option);
                break;
            case ChecklistAnswer checklist:
                writer.WriteStartArray();
                foreach (var option in checklist.Options)
                {
                    WriteOption(writer, option);
                }

                writer.WriteEndArray();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(answer), answer.GetType().Name, "Unknown answer type.");
        }
    }

    private static void WriteOption(Utf8JsonWriter writer, SelectedOption option)
    {
        writer.WriteStartObject();
        writer.WriteString("schemaId"u8, option.SchemaId);
        WriteClassifications(writer, option.Classifications);
        writer.WriteEndObject();
    }

    private static void WriteClassifications(Utf8JsonWriter writer, IReadOnlyList<Classification> classifications)
    {
        if (classifications.Count == 0)
        {
            return;
        }

        writer.WriteStartArray("classifications"u8);
        foreach (var classification in classifications)
        {
            writer.WriteStartObject();
            writer.WriteString("schemaId"u8, classification.SchemaId);
            writer.WritePropertyName("answer"u8);
            WriteAnswer(writer, classification.Answer);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
