using System.Buffers.Binary;
using System.IO.Compression;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Masks;

/// <summary>
/// Writes a <see cref="MaskGeometry"/> as an 8-bit greyscale PNG (foreground 255, background 0), for NDJSON export.
/// Every row uses filter 0; zlib compresses the long constant runs of a mask well enough that smarter filtering does
/// not pay. <see cref="PngDecoder"/> reads it back to the identical mask with or without colour [255, 255, 255].
/// </summary>
public static class PngMaskEncoder
{
    public static byte[] Encode(MaskGeometry mask)
    {
        using var output = new MemoryStream();
        output.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)mask.Width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)mask.Height);
        header[8] = 8;
        header[9] = 0;
        WriteChunk(output, "IHDR"u8, header);
        WriteChunk(output, "IDAT"u8, CompressRows(mask));
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static byte[] CompressRows(MaskGeometry mask)
    {
        using var compressed = new MemoryStream();
        using (var deflater = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var row = new byte[mask.Width + 1];
            var column = 0;
            var value = (byte)0;
            foreach (var run in mask.Runs)
            {
                var remaining = run;
                while (remaining > 0)
                {
                    var take = Math.Min(remaining, mask.Width - column);
                    row.AsSpan(1 + column, take).Fill(value);
                    column += take;
                    remaining -= take;
                    if (column == mask.Width)
                    {
                        deflater.Write(row);
                        column = 0;
                    }
                }

                value = (byte)(255 - value);
            }
        }

        return compressed.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, PngCrc32.Compute(type, data));
        output.Write(word);
    }
}
