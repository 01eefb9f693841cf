using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Tests.Support;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Worker mode queue triggers: the message and its metadata over gRPC, success and failure semantics, outputs.</summary>
public sealed class WorkerQueueTests
{
    [Fact]
    public async Task Message_SucceedsOnce_DeletedWithTriggerMetadata()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        var queue = WorkerTestApp.Queue(app.Settings["WorkQueue"]);
        var text = """{"key":"once","note":"ünïcode"}""";
        var sent = (await queue.SendMessageAsync(text)).Value;

        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);
        await host.StopAsync(CancellationToken.None);

        Assert.Single(app.Records.Read("Work", "started"));
        Assert.Empty((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
        Assert.Equal(text, succeeded[0]["text"]!.GetValue<string>());
        var metadata = succeeded[0]["metadata"]!;
        Assert.Equal(text, metadata["QueueTrigger"]!.GetValue<string>());
        Assert.Equal(sent.MessageId, metadata["Id"]!.GetValue<string>());
        Assert.Equal("1", metadata["DequeueCount"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(metadata["PopReceipt"]!.GetValue<string>()));
        // The times travel as JSON (a quoted ISO string), as the WebJobs binding data contract serialises them.
        var times = new[] { "InsertionTime", "ExpirationTime", "NextVisibleTime" }
            .ToDictionary(t => t, t => System.Text.Json.JsonSerializer.Deserialize<DateTimeOffset>(metadata[t]!.GetValue<string>()));
        Assert.Equal(sent.InsertionTime.ToUnixTimeSeconds(), times["InsertionTime"].ToUnixTimeSeconds());
        Assert.Equal(sent.ExpirationTime.ToUnixTimeSeconds(), times["ExpirationTime"].ToUnixTimeSeconds());
        Assert.True(times["NextVisibleTime"] > times["InsertionTime"]);
        Assert.True(Guid.TryParse(succeeded[0]["invocationId"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task Message_AlwaysFailing_RedeliveredThenPoisonedUnchanged()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        var text = """{"key":"doomed","failTimes":100}""";
        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync(text);

        var poisoned = await WorkerTestApp.WaitForMessageAsync(WorkerTestApp.Queue(app.Settings["WorkQueue"] + "-poison", base64: false));
        await host.StopAsync(CancellationToken.None);

        Assert.Equal([1L, 2L, 3L], app.Records.Read("Work", "started").Select(r => r["dequeueCount"]!.GetValue<long>())); // maxDequeueCount 3 in its host.json
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), poisoned.MessageText);
        Assert.Empty(app.Records.Read("Work", "succeeded"));
        Assert.Empty((await WorkerTestApp.Queue(app.Settings["WorkQueue"]).ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
        Assert.Contains(app.Logs.All, l => l.Message.Contains("Executed 'Functions.Work' (Failed", StringComparison.Ordinal) && l.Message.Contains("failing on purpose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_FailingTwice_SucceedsOnThirdDelivery()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync("""{"key":"flaky","failTimes":2}""");

        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);

        Assert.Equal(3, succeeded[0]["dequeueCount"]!.GetValue<long>());
        Assert.Equal([1L, 2L], app.Records.Read("Work", "failed").Select(r => r["dequeueCount"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Message_NotBase64_PoisonedWithoutInvocation()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await WorkerTestApp.Queue(app.Settings["WorkQueue"], base64: false).SendMessageAsync("{not base64}");

        var poisoned = await WorkerTestApp.WaitForMessageAsync(WorkerTestApp.Queue(app.Settings["WorkQueue"] + "-poison", base64: false));

        Assert.Equal("{not base64}", poisoned.MessageText);
        Assert.Empty(app.Records.Read("Work", "started"));
    }

    [Fact]
    public async Task HostRestart_NoMessageLostOrRunTwiceAfterSuccess()
    {
        using var app = WorkerTestApp.Create("Work");
        var queue = WorkerTestApp.Queue(app.Settings["WorkQueue"]);
        await queue.CreateIfNotExistsAsync();
        var keys = Enumerable.Range(0, 40).Select(i => $"m{i:00}").ToList();
        foreach (var key in keys)
        {
            await queue.SendMessageAsync($$"""{"key":"{{key}}","sleepMs":150}""");
        }

        await using (var first = await app.StartHostAsync())
        {
            await app.Records.WaitForAsync("Work", "succeeded", r => r.Count >= 8);
            await first.StopAsync(CancellationToken.None);
        }

        var beforeRestart = app.Records.Read("Work", "succeeded").Count;
        await using var second = await app.StartHostAsync();
        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count >= keys.Count, TimeSpan.FromSeconds(60));
        await second.StopAsync(CancellationToken.None);

        Assert.InRange(beforeRestart, 8, keys.Count - 1);
        Assert.Equal(keys, succeeded.Select(r => r["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
    }

    [Fact]
    public async Task ReturnValue_WrittenToTheQueueOutput()
    {
        using var app = WorkerTestApp.Create("Forward");
        await using var host = await app.StartHostAsync();
        await WorkerTestApp.Queue(app.Settings["ForwardQueue"]).SendMessageAsync("parcel 1");

        var forwarded = await WorkerTestApp.WaitForMessageAsync(WorkerTestApp.Queue(app.Settings["OutQueue"], base64: false));

        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes("forwarded: parcel 1")), forwarded.MessageText);
    }

    [Fact]
    public async Task OutputBindings_QueueArrayAndBlobWithTriggerDataInItsPath()
    {
        using var app = WorkerTestApp.Create("Emit");
        await using var host = await app.StartHostAsync();
        var sent = (await WorkerTestApp.Queue(app.Settings["EmitQueue"]).SendMessageAsync("batch")).Value;

        var output = WorkerTestApp.Queue(app.Settings["OutQueue"]);
        var first = await WorkerTestApp.WaitForMessageAsync(output);
        var second = await WorkerTestApp.WaitForMessageAsync(output);
        var blob = WorkerTestApp.Container(app.Settings["OutContainer"]).GetBlobClient($"{sent.MessageId}.txt");
        var content = await WaitForBlobAsync(blob);

        Assert.Equal(["batch #1", "batch #2"], new[] { first.Body.ToString(), second.Body.ToString() }.Order(StringComparer.Ordinal));
        Assert.Equal("report of batch", content);
    }

    private static async Task<string> WaitForBlobAsync(Azure.Storage.Blobs.BlobClient blob)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return (await blob.DownloadContentAsync()).Value.Content.ToString();
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
