using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Domain.Tests.Ingestion;

public sealed class ImageHeaderTests
{
    [Theory]
    [InlineData("granite.png", ContentKind.Png, 128, 128)]
    [InlineData("affine.png", ContentKind.Png, 304, 85)]
    [InlineData("atop.gif", ContentKind.Gif, 56, 70)]
    [InlineData("button.gif", ContentKind.Gif, 78, 53)]
    [InlineData("frame.jpg", ContentKind.Jpeg, 176, 108)]
    [InlineData("background.jpg", ContentKind.Jpeg, 1, 118)]
    [InlineData("frame-lossy.webp", ContentKind.WebP, 176, 108)]
    [InlineData("granite.webp", ContentKind.WebP, 128, 128)]
    [InlineData("affine-lossless.webp", ContentKind.WebP, 304, 85)]
    public void Read_RealImagesFromDebianPackages(string file, ContentKind kind, int width, int height)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FixtureFolder(), file));
        Assert.Equal(kind, ContentSniffer.Sniff(bytes));
        Assert.Equal(new PixelSize(width, height), SizeOf(kind, bytes));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(640, 480)]
    [InlineData(65535, 3)]
    public void Read_GeneratedHeadersOfEveryFormat(int width, int height)
    {
        foreach (var (kind, bytes) in new[]
                 {
                     (ContentKind.Png, Generated.Png(width, height)),
                     (ContentKind.Gif, Generated.Gif(width, height)),
                     (ContentKind.Jpeg, Generated.Jpeg(width, height, appSegments: 0)),
                     (ContentKind.WebP, Generated.WebPExtended(width, height)),
                     (ContentKind.WebP, Generated.WebPLossless(Math.Min(width, 16384), Math.Min(height, 16384))),
                 })
        {
            Assert.Equal(kind, ContentSniffer.Sniff(bytes));
            var expected = kind == ContentKind.WebP && bytes[15] == (byte)'L' ? new PixelSize(Math.Min(width, 16384), Math.Min(height, 16384)) : new PixelSize(width, height);
            Assert.Equal(expected, SizeOf(kind, bytes));
        }
    }

    [Fact]
    public void JpegScan_FrameBehindLargeSegments_AsksForTheRangeAfterEachWindow()
    {
        var jpeg = Generated.Jpeg(1920, 1080, appSegments: 3); // 3 × 65,535-byte APP segments before SOF
        var head = jpeg.AsSpan(0, 64 * 1024);
        var step = JpegFrameScan.Scan(head, 0, 2);
        Assert.Null(step.Size);
        Assert.Equal(20 + 2 + 65535, step.NextPosition); // APP0 ends at 20; the second APP1 starts past the first window

        var reads = 1;
        while (step is { Size: null, NextPosition: { } next })
        {
            var window = jpeg.AsSpan((int)next, Math.Min(4096, jpeg.Length - (int)next));
            step = JpegFrameScan.Scan(window, next, next);
            reads++;
        }

        Assert.Equal(new PixelSize(1920, 1080), step.Size);
        Assert.Equal(4, reads);
    }

    [Fact]
    public void JpegScan_ScanBeforeFrame_Fails()
    {
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xDA, 0x00, 0x08, 1, 2, 3, 4, 5, 6, 0xFF, 0xD9];
        Assert.True(JpegFrameScan.Scan(jpeg, 0, 2).Failed);
    }

    [Fact]
    public void Read_TruncatedOrZeroSizedHeaders_AreUnknown()
    {
        Assert.Null(ImageDimensions.Read(ContentKind.Png, Generated.Png(10, 10).AsSpan(0, 20)));
        Assert.Null(ImageDimensions.Read(ContentKind.Gif, Generated.Gif(0, 10)));
        Assert.Null(ImageDimensions.Read(ContentKind.WebP, Generated.WebPExtended(5, 5).AsSpan(0, 25)));
    }

    [Theory]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, ContentKind.Pdf)]
    [InlineData(new byte[] { 0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45 }, ContentKind.Wav)]
    [InlineData(new byte[] { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D }, ContentKind.Mp4)]
    [InlineData(new byte[] { 0x49, 0x44, 0x33, 4 }, ContentKind.Mp3)]
    [InlineData(new byte[] { 0x50, 0x4B, 3, 4 }, ContentKind.Zip)]
    [InlineData(new byte[] { 0x68, 0x69, 0x0A }, ContentKind.Text)]
    [InlineData(new byte[] { 0x68, 0x00, 0x69 }, ContentKind.Binary)]
    [InlineData(new byte[] { 0xC3, 0x28 }, ContentKind.Binary)]
    [InlineData(new byte[] { }, ContentKind.Text)]
    public void Sniff_MagicNumbers(byte[] head, ContentKind expected) => Assert.Equal(expected, ContentSniffer.Sniff(head));

    private static PixelSize? SizeOf(ContentKind kind, byte[] bytes) =>
        kind == ContentKind.Jpeg ? JpegFrameScan.Scan(bytes, 0, 2).Size : ImageDimensions.Read(kind, bytes);

    private static string FixtureFolder([CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Fixtures");
}

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
