using System.Buffers.Binary;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Masks;

/// <summary>The IHDR fields this decoder needs, and how to read one pixel of an unfiltered scanline.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType)
{
    /// <summary>Samples per pixel for each colour type (0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA).</summary>
    private int Channels => ColorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };

    public int BitsPerPixel => Channels * BitDepth;

    /// <summary>Bytes per scanline, excluding the filter byte.</summary>
    public int Stride => checked((int)(((long)Width * BitsPerPixel + 7) / 8));

    public static bool TryParse(ReadOnlySpan<byte> data, out PngHeader header, out MaskDecodeResult? problem)
    {
        header = default;
        problem = null;
        if (data.Length != 13)
        {
            problem = MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "IHDR has the wrong length.");
            return false;
        }

        var width = BinaryPrimitives.ReadUInt32BigEndian(data);
        var height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int bitDepth = data[8], colorType = data[9], compression = data[10], filter = data[11], interlace = data[12];
        if (width == 0 || height == 0 || compression != 0 || filter != 0 || interlace > 1 || !IsAllowed(colorType, bitDepth))
        {
            problem = MaskDecodeResult.Failure(MaskDecodeErrorKind.Corrupt, "IHDR holds values the PNG specification does not allow.");
            return false;
        }

        if (width > PngDecoder.MaxDimension || height > PngDecoder.MaxDimension)
        {
            problem = MaskDecodeResult.Failure(MaskDecodeErrorKind.TooLarge, $"{width}x{height} exceeds {PngDecoder.MaxDimension} pixels a side.");
            return false;
        }

        if (bitDepth == 16 || interlace == 1)
        {
            problem = MaskDecodeResult.Failure(MaskDecodeErrorKind.Unsupported, bitDepth == 16 ? "16-bit samples are not supported." : "Interlaced PNGs are not supported.");
            return false;
        }

        header = new PngHeader((int)width, (int)height, bitDepth, colorType);
        return true;
    }

    /// <summary>The colour and alpha of pixel <paramref name="x"/> in an unfiltered scanline.</summary>
    public (RgbColor Rgb, byte Alpha) Pixel(ReadOnlySpan<byte> row, int x, ReadOnlySpan<byte> palette)
    {
        switch (ColorType)
        {
            case 0:
                var grey = Scaled(Sample(row, x));
                return (new RgbColor(grey, grey, grey), (byte)255);
            case 2:
                return (new RgbColor(row[x * 3], row[(x * 3) + 1], row[(x * 3) + 2]), (byte)255);
            case 3:
                var index = Sample(row, x) * 3;
                return index + 2 < palette.Length ? (new RgbColor(palette[index], palette[index + 1], palette[index + 2]), (byte)255) : (default, (byte)0);
            case 4:
                return (new RgbColor(row[x * 2], row[x * 2], row[x * 2]), row[(x * 2) + 1]);
            default:
                return (new RgbColor(row[x * 4], row[(x * 4) + 1], row[(x * 4) + 2]), row[(x * 4) + 3]);
        }
    }

    /// <summary>A 1/2/4/8-bit sample, most significant bits first within each byte.</summary>
    private int Sample(ReadOnlySpan<byte> row, int x)
    {
        if (BitDepth == 8)
        {
            return row[x];
        }

        var perByte = 8 / BitDepth;
        var shift = 8 - (BitDepth * ((x % perByte) + 1));
        return (row[x / perByte] >> shift) & ((1 << BitDepth) - 1);
    }

    /// <summary>Scales a low-depth grey sample to 0–255 (multiply by 255 / (2^depth − 1)).</summary>
    private byte Scaled(int sample) => (byte)(sample * 255 / ((1 << BitDepth) - 1));

    private static bool IsAllowed(int colorType, int bitDepth) => colorType switch
    {
        0 => bitDepth is 1 or 2 or 4 or 8 or 16,
        3 => bitDepth is 1 or 2 or 4 or 8,
        2 or 4 or 6 => bitDepth is 8 or 16,
        _ => false,
    };
}
