using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace FuncLabel.Domain.Tests.Support;

/// <summary>
/// Writes PNGs in any colour type, bit depth and filter, so the decoder is tested against files it did not write
/// itself. Filtering follows the PNG specification directly (predictors on the raw scanlines).
/// </summary>
internal static class TestPng
{
    /// <param name="rows">Raw (unfiltered) scanlines, each exactly the stride for the colour type and depth.</param>
    public static byte[] Encode(int width, int height, int bitDepth, int colorType, byte[][] rows, int filter = 0, byte[]? palette = null, bool splitIdat = false)
    {
        var channels = colorType switch { 0 => 1, 2 => 3, 3 => 1, 4 => 2, _ => 4 };
        var bpp = Math.Max(1, channels * bitDepth / 8);
        using var raw = new MemoryStream();
        var previous = new byte[rows[0].Length];
        foreach (var row in rows)
        {
            raw.WriteByte((byte)filter);
            raw.Write(Filter(filter, row, previous, bpp));
            previous = row;
        }

        using var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            raw.Position = 0;
            raw.CopyTo(z);
        }

        using var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var header = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4), (uint)height);
        header[8] = (byte)bitDepth;
        header[9] = (byte)colorType;
        Chunk(png, "IHDR", header);
        if (palette is not null)
        {
            Chunk(png, "PLTE", palette);
        }

        Chunk(png, "tEXt", "Comment\0ignored"u8.ToArray());
        var data = compressed.ToArray();
        if (splitIdat && data.Length > 2)
        {
            Chunk(png, "IDAT", data[..(data.Length / 2)]);
            Chunk(png, "IDAT", data[(data.Length / 2)..]);
        }
        else
        {
            Chunk(png, "IDAT", data);
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static byte[] Filter(int filter, byte[] row, byte[] above, int bpp)
    {
        var output = new byte[row.Length];
        for (var i = 0; i < row.Length; i++)
        {
            int a = i >= bpp ? row[i - bpp] : 0, b = above[i], c = i >= bpp ? above[i - bpp] : 0;
            var predictor = filter switch
            {
                0 => 0,
                1 => a,
                2 => b,
                3 => (a + b) / 2,
                _ => Paeth(a, b, c),
            };
            output[i] = unchecked((byte)(row[i] - predictor));
        }

        return output;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(length, (uint)data.Length);
        png.Write(length);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        var crcBytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crcBytes, crc.GetCurrentHashAsUInt32());
        png.Write(crcBytes);
    }
}
