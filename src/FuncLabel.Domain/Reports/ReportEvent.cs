using System.Globalization;

namespace FuncLabel.Domain.Reports;

/// <summary>
/// A ledger event as the report builders read it: the data layer maps each stored event of a day partition to one of
/// these, so the builders stay pure. <see cref="Details"/> are the flat strings the writer recorded
/// (see <see cref="ReportDetails"/> for the keys reports rely on).
/// </summary>
public sealed record ReportEvent(string Resource, string Action, string Actor, DateTimeOffset At, IReadOnlyDictionary<string, string> Details)
{
    /// <summary>The detail, or null when absent or empty.</summary>
    public string? Text(string key) => Details.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>The detail read as an invariant-culture number, or null when absent or unreadable.</summary>
    public double? Number(string key) =>
        Text(key) is { } text && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The detail read as an integer, or null when absent or unreadable.</summary>
    public int? Integer(string key) =>
        Text(key) is { } text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The detail read as a round-trip ("O") timestamp, or null when absent or not a time (e.g. <c>never</c>).</summary>
    public DateTimeOffset? Time(string key) =>
        Text(key) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : null;

    /// <summary>The <paramref name="index"/>-th colon-separated part of <see cref="Resource"/> (0 = its kind), or null.</summary>
    public string? ResourcePart(int index)
    {
        var parts = Resource.Split(':');
        return index < parts.Length ? parts[index] : null;
    }
}
