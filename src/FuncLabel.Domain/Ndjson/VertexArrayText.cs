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
/// (<see cref="JsonText"/>) and anything else, valid JSON or not, answers "not this form": the caller then reads the
/// array token by token from its start, and every refusal keeps the reason, field path and message it has there.
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
        var i = JsonText.SkipWhitespace(text, open + 1);
        if (i < text.Length && text[i] == (byte)']')
        {
            return i;
        }

        while (true)
        {
            if (!JsonText.Expect(text, ref i, (byte)'{') || !JsonText.NumberMember(text, ref i, out var first, out var firstValue)
                || !JsonText.Expect(text, ref i, (byte)',') || !JsonText.NumberMember(text, ref i, out var second, out var secondValue)
                || !JsonText.Expect(text, ref i, (byte)'}'))
            {
                return -1;
            }

            PixelPoint point;
            if (first is [(byte)'x'] && second is [(byte)'y'])
            {
                point = new PixelPoint(firstValue, secondValue);
            }
            else if (first is [(byte)'y'] && second is [(byte)'x'])
            {
                point = new PixelPoint(secondValue, firstValue);
            }
            else
            {
                return -1;
            }

            if (count == buffer.Length)
            {
                Array.Resize(ref buffer, 2 * count);
            }

            buffer[count++] = point;
            if (i < text.Length && text[i] == (byte)']')
            {
                return i;
            }

            if (!JsonText.Expect(text, ref i, (byte)','))
            {
                return -1;
            }
        }
    }
}
