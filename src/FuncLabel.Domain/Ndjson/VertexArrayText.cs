using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Reads a vertex array in the form nearly every pre-label file uses, <c>[{"x":12.5,"y":40},…]</c>, straight from the
/// line's bytes instead of token by token: each vertex an object with exactly the unescaped members <c>x</c> and
/// <c>y</c> (either order), numbers that <see cref="JsonNumbers.TryReadShortDecimal"/> takes, JSON whitespace anywhere
/// between tokens.
/// </summary>
/// <remarks>
/// A polygon line is mostly its vertices (six tokens each), so this is where a line's reading time goes. The bytes
/// have not been through <see cref="System.Text.Json.Utf8JsonReader"/>, so every byte is matched against the form here
/// and anything else, valid JSON or not, answers "not this form": the caller then reads the array token by token
/// from its start, and every refusal keeps the reason, field path and message it has there.
/// </remarks>
internal static class VertexArrayText
{
    /// <summary>
    /// Reads the array whose <c>[</c> is at <paramref name="open"/> into <paramref name="buffer"/> (grown as needed);
    /// the index of its closing <c>]</c>, or -1 when the array is not in the form read here.
    /// </summary>
    public static int TryRead(ReadOnlySpan<byte> text, int open, ref PixelPoint[] buffer, out int count)
    {
        count = 0;
        var i = SkipWhitespace(text, open + 1);
        if (i < text.Length && text[i] == (byte)']')
        {
            return i;
        }

        while (true)
        {
            if (!Expect(text, ref i, (byte)'{') || !Member(text, ref i, out var first, out var firstValue) || !Expect(text, ref i, (byte)',')
                || !Member(text, ref i, out var second, out var secondValue) || second == first || !Expect(text, ref i, (byte)'}'))
            {
                return -1;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, 2 * count);
            }

            buffer[count++] = first == (byte)'x' ? new PixelPoint(firstValue, secondValue) : new PixelPoint(secondValue, firstValue);
            if (i < text.Length && text[i] == (byte)']')
            {
                return i;
            }

            if (!Expect(text, ref i, (byte)','))
            {
                return -1;
            }
        }
    }

    /// <summary>Matches <c>"x": number</c> or <c>"y": number</c> and the whitespace after it.</summary>
    private static bool Member(ReadOnlySpan<byte> text, ref int i, out byte name, out double value)
    {
        value = 0;
        name = 0;
        if (text.Length - i < 3 || text[i] != (byte)'"' || text[i + 2] != (byte)'"' || text[i + 1] is not ((byte)'x' or (byte)'y'))
        {
            return false;
        }

        name = text[i + 1];
        i = SkipWhitespace(text, i + 3);
        if (!Expect(text, ref i, (byte)':') || !JsonNumbers.TryReadShortDecimal(text, ref i, out value))
        {
            return false;
        }

        i = SkipWhitespace(text, i);
        return true;
    }

    /// <summary>Matches one structural byte and the whitespace after it.</summary>
    private static bool Expect(ReadOnlySpan<byte> text, ref int i, byte token)
    {
        if (i >= text.Length || text[i] != token)
        {
            return false;
        }

        i = SkipWhitespace(text, i + 1);
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
