using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Reads a vertex array of the form nearly every pre-label file uses, <c>[{"x": 12.5, "y": 40}, …]</c>, straight
/// from its bytes: names unescaped, <c>x</c> before <c>y</c>, no other member, numbers that
/// <see cref="JsonNumbers.TryParseShortDecimal"/> takes, any JSON whitespace. Anything else answers false and the
/// caller reads the array token by token, so every refusal keeps its reason and field path.
/// </summary>
/// <remarks>
/// The caller has already skipped the array with <see cref="System.Text.Json.Utf8JsonReader"/>, so its syntax is
/// valid JSON: a number token ends at the first byte that cannot be part of one, and the structure only needs to be
/// matched, not validated.
/// </remarks>
internal static class VertexArrayText
{
    /// <summary>The vertices into <paramref name="buffer"/> (grown as needed) and their count; false for any other form.</summary>
    public static bool TryRead(ReadOnlySpan<byte> array, ref PixelPoint[] buffer, out int count)
    {
        count = 0;
        var i = SkipWhitespace(array, 1);
        if (array[i] == (byte)']')
        {
            return true;
        }

        while (true)
        {
            if (!Expect(array, ref i, (byte)'{') || !Member(array, ref i, (byte)'x', out var x) || !Expect(array, ref i, (byte)',')
                || !Member(array, ref i, (byte)'y', out var y) || !Expect(array, ref i, (byte)'}'))
            {
                return false;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, 2 * count);
            }

            buffer[count++] = new PixelPoint(x, y);
            if (array[i] == (byte)']')
            {
                return true;
            }

            if (!Expect(array, ref i, (byte)','))
            {
                return false;
            }
        }
    }

    /// <summary>Matches <c>"name": number</c> and the whitespace after it.</summary>
    private static bool Member(ReadOnlySpan<byte> array, ref int i, byte name, out double value)
    {
        value = 0;
        if (array.Length - i < 3 || array[i] != (byte)'"' || array[i + 1] != name || array[i + 2] != (byte)'"')
        {
            return false;
        }

        i = SkipWhitespace(array, i + 3);
        if (!Expect(array, ref i, (byte)':'))
        {
            return false;
        }

        var start = i;
        while (i < array.Length && IsNumberByte(array[i]))
        {
            i++;
        }

        if (i == start || !JsonNumbers.TryParseShortDecimal(array[start..i], out value))
        {
            return false;
        }

        i = SkipWhitespace(array, i);
        return true;
    }

    /// <summary>Matches one structural byte and the whitespace after it.</summary>
    private static bool Expect(ReadOnlySpan<byte> array, ref int i, byte token)
    {
        if (i >= array.Length || array[i] != token)
        {
            return false;
        }

        i = SkipWhitespace(array, i + 1);
        return true;
    }

    private static int SkipWhitespace(ReadOnlySpan<byte> array, int i)
    {
        while (i < array.Length && array[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static bool IsNumberByte(byte c) => c is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E';
}
