namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Parses annotation uuids the way Labelbox accepts them: 32 hex digits, case-insensitive, with any hyphens and an
/// optional pair of braces (<c>A0EEBC99-9C0B-…</c>, <c>{a0eebc99-…}</c>, <c>a0eebc999c0b…</c>, <c>a0ee-bc99-…</c>).
/// </summary>
internal static class UuidText
{
    public static bool TryParse(ReadOnlySpan<byte> utf8, out Guid uuid)
    {
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
}
