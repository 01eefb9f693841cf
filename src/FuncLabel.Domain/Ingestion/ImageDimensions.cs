using System.Buffers.Binary;

namespace FuncLabel.Domain.Ingestion;

/// <summary>Width and height in pixels, as the file header states them.</summary>
public sealed record PixelSize(int Width, int Height);

/// <summary>
/// Reads image dimensions from file headers without decoding pixels. PNG, GIF and WebP keep them at fixed offsets in
/// the first 30 bytes; JPEG keeps them in the first start-of-frame segment, which may follow large EXIF/ICC segments,
/// so <see cref="JpegFrameScan"/> walks segment lengths and asks for the next range when the window runs out.
/// </summary>
/// <remarks>
/// Dimensions are the stored (coded) ones: a JPEG EXIF orientation tag is not applied, matching what pixel
/// coordinates in pre-labels refer to in Labelbox. Zero dimensions are treated as unreadable (null).
/// </remarks>
public static class ImageDimensions
{
    /// <summary>The fixed-offset formats: null when the head is too short or malformed.</summary>
    public static PixelSize? Read(ContentKind kind, ReadOnlySpan<byte> head) => kind switch
    {
        ContentKind.Png => Png(head),
        ContentKind.Gif => Gif(head),
        ContentKind.WebP => WebP(head),
        _ => null,
    };

    private static PixelSize? Png(ReadOnlySpan<byte> head)
    {
        // signature(8) | length(4) "IHDR"(4) | width(4 BE) height(4 BE)
        if (head.Length < 24 || !head.Slice(12, 4).SequenceEqual("IHDR"u8))
        {
            return null;
        }

        return Positive(BinaryPrimitives.ReadUInt32BigEndian(head[16..]), BinaryPrimitives.ReadUInt32BigEndian(head[20..]));
    }

    private static PixelSize? Gif(ReadOnlySpan<byte> head) =>
        head.Length < 10 ? null : Positive(BinaryPrimitives.ReadUInt16LittleEndian(head[6..]), BinaryPrimitives.ReadUInt16LittleEndian(head[8..]));

    private static PixelSize? WebP(ReadOnlySpan<byte> head)
    {
        if (head.Length < 30)
        {
            return null;
        }

        var chunk = head.Slice(12, 4);
        if (chunk.SequenceEqual("VP8X"u8))
        {
            // flags(4) at 20, then canvas width-1 and height-1 as 24-bit little-endian.
            return Positive(Read24(head[24..]) + 1u, Read24(head[27..]) + 1u);
        }

        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: frame tag (3) at 20, start code 9D 01 2A at 23, then 14-bit width and height (2 scale bits above).
            if (head[23] != 0x9D || head[24] != 0x01 || head[25] != 0x2A)
            {
                return null;
            }

            return Positive(BinaryPrimitives.ReadUInt16LittleEndian(head[26..]) & 0x3FFFu, BinaryPrimitives.ReadUInt16LittleEndian(head[28..]) & 0x3FFFu);
        }

        if (chunk.SequenceEqual("VP8L"u8))
        {
            // Lossless: signature 0x2F at 20, then width-1 (14 bits) and height-1 (14 bits), little-endian bit order.
            if (head[20] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(head[21..]);
            return Positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }

        return null;
    }

    private static uint Read24(ReadOnlySpan<byte> bytes) => bytes[0] | ((uint)bytes[1] << 8) | ((uint)bytes[2] << 16);

    internal static PixelSize? Positive(uint width, uint height) =>
        width is 0 or > int.MaxValue || height is 0 or > int.MaxValue ? null : new PixelSize((int)width, (int)height);
}
