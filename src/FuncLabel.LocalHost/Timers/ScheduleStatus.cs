namespace FuncLabel.LocalHost.Timers;

/// <summary>
/// A monitored timer's status, as the host keeps it in <c>azure-webjobs-hosts/timers/{hostId}/{timerName}/status</c>:
/// the last occurrence that ran, the next one expected, and when this was written. A recorded <see cref="Next"/> in
/// the past at start-up means the host was down when a run was due: the timer runs once at once, past due.
/// </summary>
internal sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);
