using System.Globalization;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.LocalHost.Timers;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Timer triggers with real time against Azurite: the TimerInfo the worker binds, the schedule monitor's status blob,
/// past-due runs after a missed occurrence, and start-up runs.
/// </summary>
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
    public async Task Schedule_EveryTwoSeconds_FiresOnEachOccurrence_NotPastDue_StatusRecorded()
    {
        using var app = WorkerTestApp.Create("Tick");
        app.Settings["TickSchedule"] = "*/2 * * * * *";
        await using var host = await app.StartHostAsync();

        var runs = await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count >= 2, TimeSpan.FromSeconds(20));
        await host.StopAsync(CancellationToken.None);

        foreach (var run in runs.Take(2))
        {
            Assert.False(run["isPastDue"]!.GetValue<bool>());
            // The status the worker gets names the occurrence being run as Next; the function runs at or after it.
            var occurrence = Time(run["next"]);
            var ranAt = Time(run["at"]);
            Assert.Equal(0, occurrence.Second % 2);
            Assert.True(ranAt >= occurrence, $"ran at {ranAt:O}, before its occurrence {occurrence:O}");
        }

        var status = await new ScheduleStatusStore(new Azure.Storage.Blobs.BlobServiceClient(FuncLabel.Testing.Emulators.StorageConnectionString), host.HostId)
            .ReadAsync("Tick", CancellationToken.None);
        Assert.NotNull(status);
        Assert.True(status.Next > status.Last);
    }

    [Fact]
    public async Task RestartAfterAMissedOccurrence_RunsPastDue_WithTheRecordedNext()
    {
        using var app = WorkerTestApp.Create("Tick");
        app.Settings["TickSchedule"] = "*/3 * * * * *";
        DateTimeOffset recordedNext;
        await using (var first = await app.StartHostAsync())
        {
            await app.Records.WaitForAsync("Tick", "succeeded", r => r.Count >= 1, TimeSpan.FromSeconds(20));
            await first.StopAsync(CancellationToken.None);
            var status = await new ScheduleStatusStore(new Azure.Storage.Blobs.BlobServiceClient(FuncLabel.Testing.Emulators.StorageConnectionString), first.HostId)
                .ReadAsync("Tick", CancellationToken.None);
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

        Assert.True(runs[before]["isPastDue"]!.GetValue<bool>());
        Assert.Equal(recordedNext, Time(runs[before]["next"]));
    }

    [Fact]
    public async Task RunOnStartup_FiresOnceAtStart_WithoutScheduleStatus()
    {
        using var app = WorkerTestApp.Create("StartupTick");
        await using var host = await app.StartHostAsync();

        var runs = await app.Records.WaitForAsync("StartupTick", "succeeded", r => r.Count >= 1);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        await host.StopAsync(CancellationToken.None);

        Assert.Single(app.Records.Read("StartupTick", "succeeded"));
        Assert.False(runs[0]["isPastDue"]!.GetValue<bool>());
        Assert.False(runs[0]["hasStatus"]!.GetValue<bool>()); // UseMonitor = false
    }

    private static DateTimeOffset Time(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
