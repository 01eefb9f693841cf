using System.Text;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FuncLabel.LocalHost.Tests.Support;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Queue triggers against Azurite and the TestHandler process (docs/local-host.md, Invocation payload, Queue trigger semantics).</summary>
public sealed class QueueTriggerTests
{
    [Fact]
    public async Task QueueMessage_SucceedsOnce_DeletedWithHostPayload()
    {
        using var app = TestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        var queue = TestApp.Queues().GetQueueClient(app.WorkQueue);
        var text = """{"key":"once"}""";
        var sent = (await queue.SendMessageAsync(text)).Value;

        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);
        await host.StopAsync(CancellationToken.None);

        Assert.Single(app.Records.Read("Work", "started"));
        Assert.Empty((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
        var payload = succeeded[0]["payload"]!;
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), payload["Data"]!["message"]!.GetValue<string>());
        var metadata = payload["Metadata"]!;
        Assert.Equal("1", metadata["DequeueCount"]!.GetValue<string>());
        Assert.Equal($"\"{sent.MessageId}\"", metadata["Id"]!.GetValue<string>());
        Assert.StartsWith("\"", metadata["PopReceipt"]!.GetValue<string>());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$", metadata["InsertionTime"]!.GetValue<string>());
        Assert.Equal("Work", metadata["sys"]!["MethodName"]!.GetValue<string>());
        Assert.Null(metadata["QueueTrigger"]);
        Assert.True(Guid.TryParse(succeeded[0]["headers"]!["X-Azure-Functions-InvocationId"]!.GetValue<string>(), out _));
    }

    [Fact]
    public async Task QueueMessage_WithoutBinaryDataType_ArrivesAsDoubleEncodedText()
    {
        using var app = TestApp.Create("Text");
        await using var host = await app.StartHostAsync();
        var text = """{"key":"text","note":"ünïcode"}""";
        await TestApp.Queues().GetQueueClient(app.Settings["TextQueue"]).SendMessageAsync(text);

        var succeeded = await app.Records.WaitForAsync("Text", "succeeded", r => r.Count == 1);

        Assert.Equal(text, succeeded[0]["text"]!.GetValue<string>());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(text, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            succeeded[0]["payload"]!["Data"]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task QueueMessage_AlwaysFailing_RedeliveredThenPoisonedUnchanged()
    {
        using var app = TestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        var queues = TestApp.Queues();
        var text = """{"key":"doomed","failTimes":100}""";
        await queues.GetQueueClient(app.WorkQueue).SendMessageAsync(text);

        var poison = TestApp.Queues(QueueMessageEncoding.None).GetQueueClient(app.WorkQueue + "-poison");
        var poisoned = await WaitForMessageAsync(poison);
        await host.StopAsync(CancellationToken.None);

        var attempts = app.Records.Read("Work", "started").Select(r => r["dequeueCount"]!.GetValue<long>()).ToList();
        Assert.Equal([1L, 2L, 3L], attempts); // maxDequeueCount is 3 in the test host.json
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)), poisoned.MessageText);
        Assert.Empty((await queues.GetQueueClient(app.WorkQueue).ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
        Assert.Empty(app.Records.Read("Work", "succeeded"));
    }

    [Fact]
    public async Task QueueMessage_FailingTwice_SucceedsOnThirdDelivery()
    {
        using var app = TestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await TestApp.Queues().GetQueueClient(app.WorkQueue).SendMessageAsync("""{"key":"flaky","failTimes":2}""");

        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);

        Assert.Equal(3, succeeded[0]["dequeueCount"]!.GetValue<long>());
        Assert.Equal([1L, 2L], app.Records.Read("Work", "failed").Select(r => r["dequeueCount"]!.GetValue<long>()));
    }

    [Fact]
    public async Task QueueMessage_MalformedResponse_CountsAsFailure()
    {
        using var app = TestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await TestApp.Queues().GetQueueClient(app.WorkQueue).SendMessageAsync("""{"key":"garbled","malformed":true}""");

        var poison = TestApp.Queues(QueueMessageEncoding.None).GetQueueClient(app.WorkQueue + "-poison");
        await WaitForMessageAsync(poison);

        Assert.Equal(3, app.Records.Read("Work", "started").Count);
    }

    [Fact]
    public async Task QueueMessage_NotBase64_PoisonedWithoutInvocation()
    {
        using var app = TestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        var raw = TestApp.Queues(QueueMessageEncoding.None);
        await raw.GetQueueClient(app.WorkQueue).SendMessageAsync("{not base64}");

        var poisoned = await WaitForMessageAsync(raw.GetQueueClient(app.WorkQueue + "-poison"));

        Assert.Equal("{not base64}", poisoned.MessageText);
        Assert.Empty(app.Records.Read("Work", "started"));
    }

    [Fact]
    public async Task Outputs_QueueAndBlob_WrittenWithBase64Rules()
    {
        using var app = TestApp.Create("Emit");
        await using var host = await app.StartHostAsync();
        var command = new JsonObject
        {
            ["key"] = "emitter",
            ["outputs"] = new JsonObject
            {
                ["next"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("""{"step":2}""")),
                ["report"] = Convert.ToBase64String(Encoding.UTF8.GetBytes("report body")),
            },
        };
        var sent = (await TestApp.Queues().GetQueueClient(app.Settings["EmitQueue"]).SendMessageAsync(command.ToJsonString())).Value;

        var next = await WaitForMessageAsync(TestApp.Queues().GetQueueClient(app.Settings["OutQueue"]));
        var blob = TestApp.Blobs().GetBlobContainerClient(app.Settings["OutContainer"]).GetBlobClient($"emitter/{sent.MessageId}.txt");
        var content = await WaitForBlobAsync(blob);

        Assert.Equal("""{"step":2}""", next.Body.ToString());
        Assert.Equal("report body", content);
    }

    [Fact]
    public async Task HostRestart_NoMessageLostOrRunTwiceAfterSuccess()
    {
        using var app = TestApp.Create("Work");
        var queue = TestApp.Queues().GetQueueClient(app.WorkQueue);
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
        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count >= keys.Count);
        await second.StopAsync(CancellationToken.None);

        Assert.InRange(beforeRestart, 8, keys.Count - 1);
        Assert.Equal(keys, succeeded.Select(r => r["key"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(1))).Value);
    }

    private static async Task<string> WaitForBlobAsync(BlobClient blob)
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

    internal static async Task<Azure.Storage.Queues.Models.QueueMessage> WaitForMessageAsync(QueueClient queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await queue.ReceiveMessagesAsync(1, TimeSpan.FromSeconds(30))).Value is [var message])
                {
                    return message;
                }
            }
            catch (Azure.RequestFailedException e) when (e.Status == 404)
            {
                // Not created yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"No message arrived on '{queue.Name}'.");
        return null!;
    }
}
