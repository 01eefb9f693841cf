using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Masks;

/// <summary>Turns mask sources (inline base64 PNG, or a fetched <see cref="MaskBlobReference"/> blob) into <see cref="MaskGeometry"/>.</summary>
public static class MaskDecoder
{
    /// <summary>Decodes PNG bytes; <paramref name="color"/> selects one instance of a composite mask (null = any non-black pixel).</summary>
    public static MaskDecodeResult FromPng(ReadOnlySpan<byte> png, RgbColor? color) => PngDecoder.Decode(png, color);

    /// <summary>Decodes a base64 PNG as found in NDJSON <c>mask.png</c>.</summary>
    public static MaskDecodeResult FromBase64Png(string base64, RgbColor? color)
    {
        var bytes = new byte[(base64.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(base64, bytes, out var written)
            ? PngDecoder.Decode(bytes.AsSpan(0, written), color)
            : MaskDecodeResult.Failure(MaskDecodeErrorKind.NotPng, "mask.png is not valid base64.");
    }

    /// <summary>Resolves a blob reference once the caller has fetched the blob's bytes.</summary>
    public static MaskDecodeResult Resolve(MaskBlobReference reference, ReadOnlySpan<byte> blob) => PngDecoder.Decode(blob, reference.ColorRgb);
}
