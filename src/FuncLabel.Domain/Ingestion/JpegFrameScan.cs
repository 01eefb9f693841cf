using System.Buffers.Binary;

namespace FuncLabel.Domain.Ingestion;

/// <summary>The outcome of one <see cref="JpegFrameScan.Scan"/> step.</summary>
/// <param name="Size">The frame size, when found.</param>
/// <param name="NextPosition">When neither found nor failed: the file offset of the next marker to read from.</param>
public readonly record struct JpegScanStep(PixelSize? Size, long? NextPosition)
{
    public bool Failed => Size is null && NextPosition is null;
}

/// <summary>
/// Finds the first start-of-frame marker of a JPEG by walking the marker segments from the start of the file, and reads
/// the frame's height and width from it.
/// </summary>
/// <remarks>
/// Segments are <c>FF xx</c> followed by a big-endian length that includes itself; <c>FF</c> fill bytes may precede a
/// marker and <c>RSTn</c>/<c>TEM</c> have no length. SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry
/// precision(1), height(2), width(2). Reaching start-of-scan (DA) or end-of-image (D9) first means there is no frame
/// header to read. The scan works on a window of the file: when a segment runs past it, the step returns the offset to
/// continue from, so the caller can fetch just that range (an APP1 EXIF segment can be 64 KiB).
/// </remarks>
public static class JpegFrameScan
{
    /// <param name="window">Bytes of the file starting at <paramref name="windowStart"/>.</param>
    /// <param name="position">The file offset of the marker to read next (2 for a new scan, after SOI).</param>
    public static JpegScanStep Scan(ReadOnlySpan<byte> window, long windowStart, long position)
    {
        while (true)
        {
            var local = position - windowStart;
            if (local < 0)
            {
                return new JpegScanStep(null, position);
            }

            // A marker, its length and up to 5 bytes of frame header: ask for more unless all 9 are in the window.
            if (local + 9 > window.Length)
            {
                return new JpegScanStep(null, position);
            }

            var at = (int)local;
            if (window[at] != 0xFF)
            {
                return default;
            }

            var marker = window[at + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2;
                continue;
            }

            if (marker is 0xD9 or 0xDA or 0x00)
            {
                return default;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(window[(at + 2)..]);
            if (length < 2)
            {
                return default;
            }

            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC))
            {
                var height = BinaryPrimitives.ReadUInt16BigEndian(window[(at + 5)..]);
                var width = BinaryPrimitives.ReadUInt16BigEndian(window[(at + 7)..]);
                return ImageDimensions.Positive(width, height) is { } size ? new JpegScanStep(size, null) : default;
            }

            position += 2 + length;
        }
    }
}
