using Azure.Storage.Blobs;
using FuncLabel.LocalHost.Storage;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.Testing;
using Microsoft.Extensions.Logging;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Two hosts polling the same queues of one storage account are told so; hosts on other queues are not.</summary>
public sealed class SharedAccountCheckTests
{
    [Fact]
    public async Task SecondHost_OnTheSameQueues_LogsAWarningNamingTheQueuesAndTheOtherHost()
    {
        var blobs = new BlobServiceClient(await IsolatedStorage.ClaimAccountAsync());
        var firstLogs = new RecordingLoggers();
        var secondLogs = new RecordingLoggers();
        await using var first = new SharedAccountCheck(blobs, "host-one", ["asset-events", "task-events"], TimeProvider.System, firstLogs);
        await first.StartAsync(CancellationToken.None);
        await using var second = new SharedAccountCheck(blobs, "host-two", ["asset-events", "other-queue"], TimeProvider.System, secondLogs);
        await second.StartAsync(CancellationToken.None);

        var warning = Assert.Single(secondLogs.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("asset-events", warning.Message);
        Assert.DoesNotContain("task-events", warning.Message);
        Assert.Contains("host-one", warning.Message);
        Assert.Contains("own storage account", warning.Message);
        Assert.DoesNotContain(firstLogs.Entries, e => e.Level == LogLevel.Warning); // it started alone
    }

    [Fact]
    public async Task HostsOnDifferentQueues_OrAStoppedHost_AreNotReported()
    {
        var blobs = new BlobServiceClient(await IsolatedStorage.ClaimAccountAsync());
        var logs = new RecordingLoggers();
        await using (var stopped = new SharedAccountCheck(blobs, "gone", ["asset-events"], TimeProvider.System, new RecordingLoggers()))
        {
            await stopped.StartAsync(CancellationToken.None);
        }

        await using var elsewhere = new SharedAccountCheck(blobs, "elsewhere", ["queue-a"], TimeProvider.System, new RecordingLoggers());
        await elsewhere.StartAsync(CancellationToken.None);
        await using var check = new SharedAccountCheck(blobs, "me", ["asset-events", "queue-b"], TimeProvider.System, logs);
        await check.StartAsync(CancellationToken.None);

        Assert.DoesNotContain(logs.Entries, e => e.Level == LogLevel.Warning);
    }
}
