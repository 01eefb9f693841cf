using System.Text.Json;

namespace FuncLabel.Domain.Ndjson;

/// <summary>Reads a JSON string token without throwing for invalid Unicode.</summary>
internal static class JsonStrings
{
    /// <summary>
    /// <see cref="Utf8JsonReader.GetString"/>, except that a string holding invalid UTF-8 or an unpaired surrogate escape
    /// (<c>"\ud800"</c>) returns false instead of throwing. The reader validates structure while reading but checks a
    /// string's Unicode only when it is transcoded, and reports that with <see cref="InvalidOperationException"/>; the
    /// catch is confined to this one call so it cannot hide anything else.
    /// </summary>
    public static bool TryGet(ref Utf8JsonReader reader, out string value)
    {
        try
        {
            value = reader.GetString() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }
}
