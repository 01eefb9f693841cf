using System.Globalization;

namespace FuncLabel.Storage.Sas;

/// <summary>The ISO 8601 form SAS fields and delegation keys use: UTC, whole seconds, <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
internal static class SasTime
{
    public static string Format(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
