using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Masks;

/// <summary>Why a mask PNG could not be turned into a <see cref="MaskGeometry"/>.</summary>
public enum MaskDecodeErrorKind
{
    /// <summary>Not valid base64, or the bytes do not start with the PNG signature.</summary>
    NotPng,

    /// <summary>A truncated file, a bad chunk CRC, bad zlib data or a bad filter byte.</summary>
    Corrupt,

    /// <summary>A valid PNG this decoder does not read (16-bit samples, Adam7 interlacing); see <see cref="PngDecoder"/>.</summary>
    Unsupported,

    /// <summary>Wider or taller than <see cref="PngDecoder.MaxDimension"/>.</summary>
    TooLarge,

    /// <summary>No pixel has the requested colour (Labelbox creates no annotation in that case; we refuse the line).</summary>
    ColorAbsent,
}

/// <summary>The decoded mask, or why there is none.</summary>
public sealed record MaskDecodeResult(MaskGeometry? Mask, MaskDecodeErrorKind? Error, string? Message)
{
    public static MaskDecodeResult Success(MaskGeometry mask) => new(mask, null, null);

    public static MaskDecodeResult Failure(MaskDecodeErrorKind kind, string message) => new(null, kind, message);
}
