using NCrontab;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// A timer trigger's NCRONTAB schedule, evaluated in UTC. Six fields (<c>{second} {minute} {hour} {day} {month}
/// {day-of-week}</c>) as the Functions host documents; five-field expressions (no seconds) are accepted too, as the
/// host's <c>CronSchedule</c> falls back to them. The TimeSpan form (App Service plans only) is not supported.
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule _schedule;

    private TimerSchedule(string expression, CrontabSchedule schedule)
    {
        Expression = expression;
        _schedule = schedule;
    }

    public string Expression { get; }

    public static TimerSchedule? Parse(string expression, out string? problem)
    {
        problem = null;
        var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true })
                       ?? CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = false });
        if (schedule is null)
        {
            problem = $"'{expression}' is not an NCRONTAB expression ({{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}).";
            return null;
        }

        return new TimerSchedule(expression, schedule);
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC).</summary>
    public DateTimeOffset NextAfter(DateTimeOffset after)
    {
        var next = _schedule.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }

    public override string ToString() => Expression;
}
