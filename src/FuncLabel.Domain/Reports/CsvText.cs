using System.Globalization;
using System.Text;

namespace FuncLabel.Domain.Reports;

/// <summary>
/// RFC 4180 CSV text: records end with CRLF (the last one too); a field holding a comma, a double quote, CR or LF is
/// enclosed in double quotes with inner quotes doubled; every record has the header's number of fields.
/// </summary>
internal sealed class CsvText
{
    private readonly StringBuilder text = new();
    private readonly int fields;

    public CsvText(params string[] header)
    {
        fields = header.Length;
        Append(header);
    }

    public CsvText Row(params string?[] values)
    {
        if (values.Length != fields)
        {
            throw new ArgumentException($"A record has {fields} fields, not {values.Length}.", nameof(values));
        }

        Append(values);
        return this;
    }

    public override string ToString() => text.ToString();

    public static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }

        return field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Invariant numbers with at most four decimals; null is an empty field.</summary>
    public static string Number(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";

    public static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "";

    /// <summary>Round-trip UTC timestamps; null is an empty field.</summary>
    public static string Time(DateTimeOffset? value) => value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture) ?? "";

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Append(string?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(Escape(values[i]));
        }

        text.Append("\r\n");
    }
}
