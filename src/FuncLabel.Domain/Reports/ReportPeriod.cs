namespace FuncLabel.Domain.Reports;

/// <summary>
/// The UTC days a report covers, both ends inclusive. A daily report has <see cref="From"/> = <see cref="To"/> = the
/// report's day; a longer period ends on the report's day and reaches back <c>days - 1</c> days, so the file for a day
/// always describes activity up to the end of that day and a rebuild of the same day reads the same partitions.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    /// <summary>The period of <paramref name="days"/> whole UTC days ending on <paramref name="day"/>.</summary>
    public static ReportPeriod Ending(DateOnly day, int days)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new ReportPeriod(day.AddDays(1 - days), day);
    }

    /// <summary>The first instant of <see cref="From"/> (UTC).</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after <see cref="To"/> (UTC): the period is <c>[Start, End)</c>.</summary>
    public DateTimeOffset End => new(To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Every day of the period, oldest first (one ledger partition each).</summary>
    public IEnumerable<DateOnly> Days()
    {
        for (var day = From; day <= To; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    public bool Contains(DateTimeOffset at) => at >= Start && at < End;
}
