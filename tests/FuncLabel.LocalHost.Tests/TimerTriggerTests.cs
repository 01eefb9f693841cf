using System.Globalization;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.LocalHost.Timers;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Timer triggers with real time, Azurite-backed schedule status and the TestHandler (docs/local-host.md, Timer triggers).</summary>
public sealed class TimerTriggerTests
{
    [Fact]
    public async Task Timer_SecondsSchedule_FiresOnEachOccurrence()
    {
        using var app = TestApp.Create("Tick");
        await using var host = await app.StartHostAsync();

        var runs = await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count >= 2, TimeSpan.FromSeconds(20));
        await host.StopAsync(CancellationToken.None);

        foreach (var run in runs.Take(2))
        {
            var timer = run["payload"]!["Data"]!["timer"]!;
            Assert.False(timer["IsPastDue"]!.GetValue<bool>());
            var expected = Time(timer["ScheduleStatus"]!["Next"]);
            var invokedAt = Time(run["payload"]!["Metadata"]!["sys"]!["UtcNow"]);
            Assert.Equal(0, expected.Second % 2); // "*/2 * * * * *"
            Assert.True(invokedAt >= expected, $"invoked at {invokedAt:O}, before its occurrence {expected:O}");
        }

        var status = await new ScheduleStatusStore(TestApp.Blobs(), host.HostId).ReadAsync("Tick", CancellationToken.None);
        Assert.NotNull(status);
        Assert.True(status.Next > status.Last);
    }

    [Fact]
    public async Task Timer_RunOnStartup_FiresOnceAtStart()
    {
        using var app = TestApp.Create("StartupTick");
        await using var host = await app.StartHostAsync();

        var runs = await app.Records.WaitForAsync("StartupTick", "succeeded", r => r.Count >= 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await host.StopAsync(CancellationToken.None);

        Assert.Single(app.Records.Read("StartupTick", "succeeded"));
        var timer = runs[0]["payload"]!["Data"]!["timer"]!;
        Assert.False(timer["IsPastDue"]!.GetValue<bool>());
        Assert.Null(timer["ScheduleStatus"]); // useMonitor: false
    }

    [Fact]
    public async Task Timer_RestartAfterMissedOccurrence_RunsPastDue()
    {
        using var app = TestApp.Create("Tick");
        app.Settings["TickSchedule"] = "*/3 * * * * *";
        DateTimeOffset recordedNext;
        await using (var first = await app.StartHostAsync())
        {
            await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count >= 1, TimeSpan.FromSeconds(20));
            await first.StopAsync(CancellationToken.None);
            var status = await new ScheduleStatusStore(TestApp.Blobs(), first.HostId).ReadAsync("Tick", CancellationToken.None);
            recordedNext = status!.Next;
        }

        while (DateTimeOffset.UtcNow <= recordedNext.AddSeconds(0.5))
        {
            await Task.Delay(100);
        }

        var before = app.Records.Read("Tick", "succeeded").Count;
        await using var second = await app.StartHostAsync();
        var runs = await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count > before);
        await second.StopAsync(CancellationToken.None);

        var timer = runs[before]["payload"]!["Data"]!["timer"]!;
        Assert.True(timer["IsPastDue"]!.GetValue<bool>());
        Assert.Equal(recordedNext, Time(timer["ScheduleStatus"]!["Next"]));
    }

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
