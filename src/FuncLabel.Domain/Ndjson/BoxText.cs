namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Reads a bounding box in the usual form, <c>{"top":12.5,"left":40,"height":100,"width":80.25}</c>, straight from the
/// line's bytes: exactly the four unescaped members, in any order, numbers that
/// <see cref="JsonNumbers.TryReadShortDecimal"/> takes, JSON whitespace anywhere between tokens.
/// </summary>
/// <remarks>
/// Boxes are most of a pre-label file's lines, and their nine tokens a third of a box line's. As with
/// <see cref="VertexArrayText"/>, anything not in this form (another member, a repeated one, an exponent, broken JSON)
/// answers "not this form", and the caller reads the box token by token, so refusals keep their reason, field and
/// message.
/// </remarks>
internal static class BoxText
{
    /// <summary>The box whose <c>{</c> is at <paramref name="open"/>; the index of its closing <c>}</c>, or -1 when it is
    /// not in the form read here.</summary>
    public static int TryRead(ReadOnlySpan<byte> text, int open, out double top, out double left, out double height, out double width)
    {
        top = left = height = width = 0;
        var i = JsonText.SkipWhitespace(text, open + 1);
        var seen = 0;
        for (var member = 0; member < 4; member++)
        {
            if ((member > 0 && !JsonText.Expect(text, ref i, (byte)',')) || !JsonText.NumberMember(text, ref i, out var name, out var value))
            {
                return -1;
            }

            var slot = name switch
            {
                [(byte)'t', (byte)'o', (byte)'p'] => 1,
                [(byte)'l', (byte)'e', (byte)'f', (byte)'t'] => 2,
                [(byte)'h', (byte)'e', (byte)'i', (byte)'g', (byte)'h', (byte)'t'] => 4,
                [(byte)'w', (byte)'i', (byte)'d', (byte)'t', (byte)'h'] => 8,
                _ => 0,
            };
            if (slot == 0 || (seen & slot) != 0)
            {
                return -1;
            }

            seen |= slot;
            switch (slot)
            {
                case 1: top = value; break;
                case 2: left = value; break;
                case 4: height = value; break;
                default: width = value; break;
            }
        }

        return i < text.Length && text[i] == (byte)'}' ? i : -1;
    }
}
