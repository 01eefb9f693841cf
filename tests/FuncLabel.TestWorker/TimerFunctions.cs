using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.TestWorker;

/// <summary>
/// <c>Tick</c>: a monitored timer on the <c>TickSchedule</c> setting. <c>StartupTick</c>: a yearly, unmonitored timer
/// that runs on start-up. Both record their <see cref="TimerInfo"/>.
/// </summary>
public sealed class TimerFunctions(Records records)
{
    [Function("Tick")]
    public void Tick([TimerTrigger("%TickSchedule%")] TimerInfo timer)
    {
        records.Write("Tick", "succeeded", new JsonObject
        {
            ["isPastDue"] = timer.IsPastDue,
            ["last"] = timer.ScheduleStatus?.Last.ToString("O"),
            ["next"] = timer.ScheduleStatus?.Next.ToString("O"),
            ["hasStatus"] = timer.ScheduleStatus is not null,
        });
    }

    [Function("StartupTick")]
    public void StartupTick([TimerTrigger("0 0 0 1 1 *", RunOnStartup = true, UseMonitor = false)] TimerInfo timer)
    {
        records.Write("StartupTick", "succeeded", new JsonObject
        {
            ["isPastDue"] = timer.IsPastDue,
            ["hasStatus"] = timer.ScheduleStatus is not null,
        });
    }
}
