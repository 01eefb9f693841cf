using System.Diagnostics;
using System.Net;
using FuncLabel.LocalHost.Tests.Support;

namespace FuncLabel.LocalHost.Tests;

/// <summary>The handler process: environment, restart after a crash, and what happens to the invocation it was running.</summary>
public sealed class HandlerProcessTests
{
    [Fact]
    public async Task Handler_KilledMidInvocation_RestartedAndMessageRedelivered()
    {
        using var app = TestApp.Create("Work", "http");
        await using var host = await app.StartHostAsync();
        await TestApp.Queues().GetQueueClient(app.WorkQueue).SendMessageAsync("""{"key":"victim","sleepMs":4000}""");
        var started = await app.Records.WaitForAsync("Work", "started", r => r.Count == 1);
        var firstPid = started[0]["pid"]!.GetValue<int>();

        using (var victim = Process.GetProcessById(firstPid))
        {
            victim.Kill();
        }

        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        using var response = await client.GetAsync("api/echo/after-restart");

        Assert.Equal(2, succeeded[0]["dequeueCount"]!.GetValue<long>());
        Assert.NotEqual(firstPid, succeeded[0]["pid"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(host.Handler!.Starts >= 2);
    }

    [Fact]
    public async Task Handler_GetsPortAndSettingsInItsEnvironmentOnly()
    {
        using var app = TestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await TestApp.Queues().GetQueueClient(app.WorkQueue).SendMessageAsync("""{"key":"env"}""");

        await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);

        // The handler found TESTHANDLER_RECORDS (a local setting) and its port; the test process has neither.
        Assert.Null(Environment.GetEnvironmentVariable("FUNCTIONS_CUSTOMHANDLER_PORT"));
        Assert.Null(Environment.GetEnvironmentVariable("TESTHANDLER_RECORDS"));
    }
}
