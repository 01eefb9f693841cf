using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Masks;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Masks;

/// <summary>Decodes PNGs written by an independent test encoder in every supported colour type and filter.</summary>
public sealed class PngDecoderTests
{
    // The 4×2 test mask, foreground marked 1: row 0 = 0 1 1 0, row 1 = 1 0 0 0 → runs [1, 2, 1, 1, 3].
    private static readonly MaskGeometry Expected = new(4, 2, [1, 2, 1, 1, 3]);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Decode_RgbEveryFilter(int filter)
    {
        byte[][] rows = [[0, 0, 0, 9, 8, 7, 9, 8, 7, 1, 1, 1], [9, 8, 7, 200, 0, 0, 0, 0, 0, 5, 5, 5]];

        var result = MaskDecoder.FromPng(TestPng.Encode(4, 2, 8, 2, rows, filter, splitIdat: true), new RgbColor(9, 8, 7));

        Assert.Equal(Expected, result.Mask);
    }

    [Fact]
    public void Decode_RgbaTransparentPixelIsBackground()
    {
        byte[][] rows = [[0, 0, 0, 255, 9, 9, 9, 255, 9, 9, 9, 255, 9, 9, 9, 0], [9, 9, 9, 255, 0, 0, 0, 255, 0, 0, 0, 255, 0, 0, 0, 255]];

        Assert.Equal(Expected, MaskDecoder.FromPng(TestPng.Encode(4, 2, 8, 6, rows, filter: 4), new RgbColor(9, 9, 9)).Mask);
    }

    [Fact]
    public void Decode_OneBitGreyWithoutColor_NonBlackIsForeground()
    {
        byte[][] rows = [[0b0110_0000], [0b1000_0000]];

        Assert.Equal(Expected, MaskDecoder.FromPng(TestPng.Encode(4, 2, 1, 0, rows), null).Mask);
    }

    [Fact]
    public void Decode_GreyAlpha()
    {
        byte[][] rows = [[0, 255, 255, 255, 255, 255, 0, 255], [255, 255, 0, 255, 0, 255, 0, 255]];

        Assert.Equal(Expected, MaskDecoder.FromPng(TestPng.Encode(4, 2, 8, 4, rows, filter: 1), new RgbColor(255, 255, 255)).Mask);
    }

    [Fact]
    public void Decode_TwoBitPalette()
    {
        byte[] palette = [0, 0, 0, 10, 20, 30, 40, 50, 60];
        byte[][] rows = [[0b00_01_01_10], [0b01_00_10_00]];

        Assert.Equal(Expected, MaskDecoder.FromPng(TestPng.Encode(4, 2, 2, 3, rows, palette: palette), new RgbColor(10, 20, 30)).Mask);
    }

    [Fact]
    public void Decode_EncoderOutput_RoundTrips()
    {
        var mask = new MaskGeometry(5, 3, [0, 4, 7, 3, 1]);

        Assert.Equal(mask, MaskDecoder.FromPng(PngMaskEncoder.Encode(mask), new RgbColor(255, 255, 255)).Mask);
    }

    [Fact]
    public void Decode_Unsupported16Bit()
    {
        byte[][] rows = [[0, 0, 0, 0]];

        Assert.Equal(MaskDecodeErrorKind.Unsupported, MaskDecoder.FromPng(TestPng.Encode(2, 1, 16, 0, rows), null).Error);
    }

    [Fact]
    public void Decode_BadCrc_IsCorrupt()
    {
        var png = TestPng.Encode(4, 2, 8, 0, [[0, 1, 1, 0], [1, 0, 0, 0]]);
        png[30] ^= 0xFF;

        Assert.Equal(MaskDecodeErrorKind.Corrupt, MaskDecoder.FromPng(png, null).Error);
    }

    [Fact]
    public void Decode_ColorAbsent()
    {
        Assert.Equal(MaskDecodeErrorKind.ColorAbsent, MaskDecoder.FromPng(TestPng.Encode(4, 2, 8, 0, [[0, 1, 1, 0], [1, 0, 0, 0]]), new RgbColor(1, 2, 3)).Error);
    }

    [Fact]
    public void Decode_NotPng() => Assert.Equal(MaskDecodeErrorKind.NotPng, MaskDecoder.FromBase64Png("aGVsbG8=", null).Error);
}
