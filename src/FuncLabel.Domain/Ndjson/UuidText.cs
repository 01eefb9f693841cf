namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Parses annotation uuids the way Labelbox accepts them: 32 hex digits, case-insensitive, with any hyphens and an
/// optional pair of braces (<c>A0EEBC99-9C0B-…</c>, <c>{a0eebc99-…}</c>, <c>a0eebc999c0b…</c>, <c>a0ee-bc99-…</c>).
/// </summary>
internal static class UuidText
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Guid uuid)
    {
        if (TryParseCanonical(utf8, out uuid))
        {
            return true;
        }

        Span<char> chars = stackalloc char[utf8.Length];
        for (var i = 0; i < utf8.Length; i++)
        {
            chars[i] = (char)utf8[i];
        }

        return TryParse(chars, out uuid);
    }

    public static bool TryParse(ReadOnlySpan<char> text, out Guid uuid)
    {
        uuid = Guid.Empty;
        if (text.Length >= 2 && text[0] == '{' && text[^1] == '}')
        {
            text = text[1..^1];
        }

        Span<char> hex = stackalloc char[32];
        var count = 0;
        foreach (var c in text)
        {
            if (c == '-')
            {
                continue;
            }

            if (count == 32 || !char.IsAsciiHexDigit(c))
            {
                return false;
            }

            hex[count++] = c;
        }

        return count == 32 && Guid.TryParseExact(hex, "N", out uuid);
    }

    /// <summary>
    /// The form nearly every file uses, 8-4-4-4-12 hex digits with hyphens (either case), read straight from the
    /// bytes; false for anything else, which <see cref="TryParse(ReadOnlySpan{byte}, out Guid)"/> then reads the
    /// general way.
    /// </summary>
    private static bool TryParseCanonical(ReadOnlySpan<byte> utf8, out Guid uuid)
    {
        uuid = Guid.Empty;
        if (utf8.Length != 36 || utf8[8] != '-' || utf8[13] != '-' || utf8[18] != '-' || utf8[23] != '-')
        {
            return false;
        }

        // Hyphens at their places and 36 bytes consumed leave exactly 8-4-4-4-12 hex digits to the parser.
        return System.Buffers.Text.Utf8Parser.TryParse(utf8, out uuid, out var consumed, 'D') && consumed == 36;
    }
}
