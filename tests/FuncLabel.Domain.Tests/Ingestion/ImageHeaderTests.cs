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
