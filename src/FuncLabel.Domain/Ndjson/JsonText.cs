namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Matching helpers for the shapes read straight from a line's bytes (<see cref="VertexArrayText"/>,
/// <see cref="BoxText"/>): JSON whitespace, structural bytes and <c>"name": number</c> members, each checked byte by byte
/// because no <see cref="System.Text.Json.Utf8JsonReader"/> has tokenised the text. A false answer means only "not the
/// form read here"; the caller then reads the same bytes token by token.
/// </summary>
internal static class JsonText
{
    /// <summary>Longest member name matched here; the shapes' names are shorter.</summary>
    private const int MaxNameBytes = 8;

    /// <summary>Matches one structural byte and the whitespace after it.</summary>
    public static bool Expect(ReadOnlySpan<byte> text, ref int i, byte token)
    {
        if (i >= text.Length || text[i] != token)
        {
            return false;
        }

        i = SkipWhitespace(text, i + 1);
        return true;
    }

    /// <summary>
    /// Matches <c>"name": number</c> and the whitespace after it: a name of up to <see cref="MaxNameBytes"/> bytes
    /// without escapes or control bytes, and a number <see cref="JsonNumbers.TryReadShortDecimal"/> takes.
    /// </summary>
    public static bool NumberMember(ReadOnlySpan<byte> text, ref int i, out ReadOnlySpan<byte> name, out double value)
    {
        name = default;
        value = 0;
        if (i >= text.Length || text[i] != (byte)'"')
        {
            return false;
        }

        var start = i + 1;
        var end = start;
        while (end < text.Length && end - start <= MaxNameBytes && text[end] is not ((byte)'"' or (byte)'\\') && text[end] >= 0x20)
        {
            end++;
        }

        if (end >= text.Length || text[end] != (byte)'"')
        {
            return false;
        }

        name = text[start..end];
        i = SkipWhitespace(text, end + 1);
        if (!Expect(text, ref i, (byte)':') || !JsonNumbers.TryReadShortDecimal(text, ref i, out value))
        {
            return false;
        }

        i = SkipWhitespace(text, i);
        return true;
    }

    public static int SkipWhitespace(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }
}
