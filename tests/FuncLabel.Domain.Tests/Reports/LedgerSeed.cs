using System.Globalization;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Domain.Tests.Reports;

/// <summary>Literal ledger events for the report builder tests (times are UTC "yyyy-MM-ddTHH:mm").</summary>
internal static class LedgerSeed
{
    public static readonly DateTimeOffset Generated = At("2026-03-11T01:00");

    public static ReportPeriod Day(string day) => ReportPeriod.Ending(DateOnly.Parse(day, CultureInfo.InvariantCulture), 1);

    public static DateTimeOffset At(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static ReportEvent Event(string at, string resource, string action, string actor, params (string Key, string Value)[] details) =>
        new(resource, action, actor, At(at), details.ToDictionary(d => d.Key, d => d.Value, StringComparer.Ordinal));
}
