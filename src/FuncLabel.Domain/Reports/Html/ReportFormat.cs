using System.Globalization;
using System.Text.Json;

namespace FuncLabel.Domain.Reports.Html;

/// <summary>How the report pages write dates, periods, durations and missing figures (invariant culture, UTC).</summary>
internal static class ReportFormat
{
    /// <summary>Shown where a figure is undefined (a rate without any cases), rather than a misleading zero.</summary>
    public const string None = "—";

    public static string Scope(string scope) => scope == "org" ? "organisation" : "project " + scope;

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short day for chart labels: "23 Nov".</summary>
    public static string ShortDay(DateOnly day) => day.ToString("d MMM", CultureInfo.InvariantCulture);

    public static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"2026-11-24 (UTC)" for a daily report, "2026-11-18 – 2026-11-24 (UTC)" for a longer one, plus when it was generated.</summary>
    public static string Period(ReportPeriod period, DateTimeOffset generatedAt)
    {
        var days = period.From == period.To ? Day(period.From) : Day(period.From) + " – " + Day(period.To);
        return $"{days} (UTC) · generated {Instant(generatedAt)}";
    }

    public static string Percent(double? fraction) => fraction is { } f ? HtmlText.Percent(f) : None;

    /// <summary>A figure on the 0–100 scale (scores, agreement), one decimal.</summary>
    public static string Points(double? value) => value is { } v ? HtmlText.Number(v) : None;

    public static string Number(double? value) => value is { } v ? HtmlText.Number(v) : None;

    /// <summary>Seconds as the two largest units that matter: "45 s", "3 min 20 s", "2 h 05 min".</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is not { } s)
        {
            return None;
        }

        var total = (long)Math.Round(s);
        return total switch
        {
            < 60 => $"{total} s",
            < 3600 => $"{total / 60} min {total % 60} s",
            _ => $"{total / 3600} h {total % 3600 / 60:00} min",
        };
    }

    /// <summary>Enum values read as in the JSON output (lower snake_case), with spaces for the page: "low overlap", "exam attempt".</summary>
    public static string EnumName<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString()).Replace('_', ' ');
}
