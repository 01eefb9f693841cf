using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.LocalHost.Timers;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Worker mode timer triggers: the TimerInfo the worker binds, schedule monitor and past-due runs.</summary>
public sealed class WorkerTimerTests
{
    [Fact]
    public async Task RecordedNextInThePast_RunsOncePastDue_WithTheRecordedStatus()
    {
        using var app = WorkerTestApp.Create("Tick");
        var next = DateTimeOffset.UtcNow.AddHours(-1);
        var status = new JsonObject
        {
            ["Last"] = next.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["Next"] = next.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
            ["LastUpdated"] = next.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
        };
        var container = WorkerTestApp.Container(ScheduleStatusStore.Container);
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(ScheduleStatusStore.BlobName(app.HostId, "Tick")).UploadAsync(BinaryData.FromString(status.ToJsonString()), overwrite: true);

        await using var host = await app.StartHostAsync();
        var runs = await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count == 1);

        Assert.True(runs[0]["isPastDue"]!.GetValue<bool>());
        Assert.Equal(next.ToUnixTimeSeconds(), DateTimeOffset.Parse(runs[0]["next"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Schedule_EveryTwoSeconds_RunsNotPastDue()
    {
        using var app = WorkerTestApp.Create("Tick");
        app.Settings["TickSchedule"] = "*/2 * * * * *";
        await using var host = await app.StartHostAsync();

        var runs = await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count >= 2);

        Assert.All(runs, r => Assert.False(r["isPastDue"]!.GetValue<bool>()));
    }
}
