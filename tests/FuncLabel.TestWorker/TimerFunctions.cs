using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;

namespace FuncLabel.TestWorker;

/// <summary>A monitored timer on the <c>TickSchedule</c> setting; records its <see cref="TimerInfo"/>.</summary>
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
        });
    }
}
