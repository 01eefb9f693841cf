using System.Buffers.Binary;
using System.IO.Compression;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Masks;

/// <summary>
/// A minimal PNG reader that turns a (composite) mask image into the run-length form of one instance, row by row.
/// </summary>
/// <remarks>
/// <para>Supported: colour types 0 (grey, 1/2/4/8-bit), 2 (RGB, 8-bit), 3 (palette, 1/2/4/8-bit), 4 (grey + alpha,
/// 8-bit) and 6 (RGBA, 8-bit); all five scanline filters (None, Sub, Up, Average, Paeth); chunk CRCs are verified;
/// ancillary chunks are skipped. <b>Unsupported</b> (reported as <see cref="MaskDecodeErrorKind.Unsupported"/>):
/// 16-bit samples and Adam7 interlacing. Gamma, colour profiles and <c>tRNS</c> are ignored: a mask is compared by
/// exact stored sample values, never colour-managed.</para>
/// <para>Foreground: with a colour, pixels whose stored RGB equals it exactly (grey g reads as (g, g, g), low bit
/// depths scaled to 0–255 as the PNG specification does, palette indexes looked up); without one, every pixel that is
/// not black. A pixel with alpha 0 is background either way (it is transparent in any viewer).</para>
/// <para>Memory: the compressed data and two scanlines; the bitmap itself is never materialised.</para>
/// </remarks>
public static class PngDecoder
{
    /// <summary>Largest accepted width or height (covers any image the ingestion reads dimensions from).</summary>
    public const int MaxDimension = 1 << 16;

    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static MaskDecodeResult Decode(ReadOnlySpan<byte> png, RgbColor? color)
    {
        if (png.Length < Signature.Length || !png[..Signature.Length].SequenceEqual(Signature))
        {
            return MaskDecodeResult.Failure(MaskDecodeErrorKind.NotPng, "The data is not a PNG image.");
        }

        var header = default(PngHeader);
        byte[]? palette = null;
        using var compressed = new MemoryStream();
        var position = Signature.Length;
        var sawHeader = false;
        while (true)
        {
            if (png.Length - position < 12)
            {
                return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "The PNG is truncated.");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(png[position..]);
            if (length > (uint)(png.Length - position - 12))
            {
                return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "A chunk runs past the end of the data.");
            }

            var type = png.Slice(position + 4, 4);
            var data = png.Slice(position + 8, (int)length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png[(position + 8 + (int)length)..]);
            if (PngCrc32.Compute(type, data) != crc)
            {
                return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, $"Bad CRC in chunk '{System.Text.Encoding.ASCII.GetString(type)}'.");
            }

            position += 12 + (int)length;
            if (type.SequenceEqual("IHDR"u8))
            {
                if (PngHeader.TryParse(data, out header, out var problem) is false)
                {
                    return problem!;
                }

                sawHeader = true;
            }
            else if (!sawHeader)
            {
                return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "IHDR must be the first chunk.");
            }
            else if (type.SequenceEqual("PLTE"u8))
            {
                palette = data.ToArray();
            }
            else if (type.SequenceEqual("IDAT"u8))
            {
                compressed.Write(data);
            }
            else if (type.SequenceEqual("IEND"u8))
            {
                break;
            }
        }

        if (header.ColorType == 3 && (palette is null || palette.Length % 3 != 0))
        {
            return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "A palette image needs a PLTE chunk.");
        }

        compressed.Position = 0;
        try
        {
            return DecodeRows(compressed, header, palette, color);
        }
        catch (InvalidDataException e)
        {
            return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, $"Bad image data: {e.Message}");
        }
    }

    private static MaskDecodeResult DecodeRows(Stream compressed, PngHeader header, byte[]? palette, RgbColor? color)
    {
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        var stride = header.Stride;
        var bytesPerPixel = Math.Max(1, header.BitsPerPixel / 8);
        var previous = new byte[stride];
        var current = new byte[stride];
        var builder = new MaskRunLengthBuilder(header.Width, header.Height);
        var anyForeground = false;
        for (var row = 0; row < header.Height; row++)
        {
            var filter = inflater.ReadByte();
            if (filter < 0 || inflater.ReadAtLeast(current, stride, throwOnEndOfStream: false) < stride)
            {
                return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "The image data ends early.");
            }

            if (!PngFilters.TryUnfilter(filter, current, previous, bytesPerPixel))
            {
                return MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, $"Unknown filter type {filter} in row {row}.");
            }

            for (var x = 0; x < header.Width; x++)
            {
                var pixel = header.Pixel(current, x, palette!);
                var foreground = pixel.Alpha != 0 && (color is { } c ? pixel.Rgb == c : pixel.Rgb != default);
                anyForeground |= foreground;
                builder.TryAppend(foreground);
            }

            (previous, current) = (current, previous);
        }

        if (!anyForeground && color is not null)
        {
            return MaskDecodeResult.Failure(MaskDecodeErrorKind.ColorAbsent, $"No pixel has colour [{color.Value.R}, {color.Value.G}, {color.Value.B}].");
        }

        return MaskDecodeResult.Success(builder.TryBuild()!);
    }
}
