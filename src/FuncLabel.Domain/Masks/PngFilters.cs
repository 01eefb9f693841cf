namespace FuncLabel.Domain.Masks;

/// <summary>
/// Reverses PNG scanline filtering (PNG specification §9): each byte was stored as the difference from a predictor
/// built from the byte to its left (a), the byte above (b) and the byte above-left (c), modulo 256. "Left" means one
/// whole pixel back (<c>bytesPerPixel</c>, at least 1 for sub-byte depths); bytes before the row start count as 0, and
/// the row above the first row is all zeros.
/// </summary>
internal static class PngFilters
{
    public static bool TryUnfilter(int filter, Span<byte> row, ReadOnlySpan<byte> above, int bytesPerPixel)
    {
        switch (filter)
        {
            case 0:
                return true;
            case 1:
                for (var i = bytesPerPixel; i < row.Length; i++)
                {
                    row[i] = unchecked((byte)(row[i] + row[i - bytesPerPixel]));
                }

                return true;
            case 2:
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = unchecked((byte)(row[i] + above[i]));
                }

                return true;
            case 3:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                    row[i] = unchecked((byte)(row[i] + ((left + above[i]) >> 1)));
                }

                return true;
            case 4:
                for (var i = 0; i < row.Length; i++)
                {
                    var left = i >= bytesPerPixel ? row[i - bytesPerPixel] : 0;
                    var upLeft = i >= bytesPerPixel ? above[i - bytesPerPixel] : 0;
                    row[i] = unchecked((byte)(row[i] + Paeth(left, above[i], upLeft)));
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>The Paeth predictor: whichever of a, b, c is closest to a + b − c, ties broken in the order a, b, c.</summary>
    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
