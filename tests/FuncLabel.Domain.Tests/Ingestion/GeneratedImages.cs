using System.Buffers.Binary;

namespace FuncLabel.Domain.Tests.Ingestion;

/// <summary>Minimal headers of each format, written from the format specifications (not by an image library).</summary>
public static class Generated
{
    public static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), 13);
        "IHDR"u8.CopyTo(bytes.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        bytes[24] = 8; // bit depth; colour type etc. stay 0; CRC not checked by a header reader
        return bytes;
    }

    public static byte[] Gif(int width, int height)
    {
        var bytes = new byte[13];
        "GIF89a"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(6), (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), (ushort)height);
        return bytes;
    }

    /// <summary>SOI, an APP0, <paramref name="appSegments"/> maximal APP1 segments, then SOF0 with the size.</summary>
    public static byte[] Jpeg(int width, int height, int appSegments)
    {
        var stream = new MemoryStream();
        stream.Write([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]);
        for (var i = 0; i < appSegments; i++)
        {
            stream.Write([0xFF, 0xE1, 0xFF, 0xFF]);
            stream.Write(new byte[0xFFFF - 2]);
        }

        stream.Write([0xFF, 0xFF]); // a fill byte before the marker
        stream.Write([0xC0, 0x00, 0x11, 0x08, (byte)((height >> 8) & 0xFF), (byte)(height & 0xFF), (byte)((width >> 8) & 0xFF), (byte)(width & 0xFF), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        stream.Write([0xFF, 0xD9]);
        return stream.ToArray();
    }

    public static byte[] WebPExtended(int width, int height)
    {
        var bytes = new byte[30];
        Riff(bytes, "VP8X"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), 10);
        Write24(bytes.AsSpan(24), width - 1);
        Write24(bytes.AsSpan(27), height - 1);
        return bytes;
    }

    public static byte[] WebPLossless(int width, int height)
    {
        var bytes = new byte[30];
        Riff(bytes, "VP8L"u8);
        bytes[20] = 0x2F;
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(21), bits);
        return bytes;
    }

    private static void Riff(byte[] bytes, ReadOnlySpan<byte> chunk)
    {
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        "WEBP"u8.CopyTo(bytes.AsSpan(8));
        chunk.CopyTo(bytes.AsSpan(12));
    }

    private static void Write24(Span<byte> at, int value)
    {
        at[0] = (byte)(value & 0xFF);
        at[1] = (byte)((value >> 8) & 0xFF);
        at[2] = (byte)((value >> 16) & 0xFF);
    }
}
