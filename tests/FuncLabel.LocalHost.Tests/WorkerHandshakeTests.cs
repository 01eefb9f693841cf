using System.Net;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Tests.Support;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Worker mode: launch, handshake and the function list come from the test worker itself, over gRPC.</summary>
public sealed class WorkerHandshakeTests
{
    [Fact]
    public async Task Start_FunctionsComeFromTheWorkersMetadata_WithSettingsResolved()
    {
        using var app = WorkerTestApp.Create("Asset", "Bytes", "Drip", "Echo", "Emit", "Forward", "GetItem", "Prelabel", "StartupTick", "Status", "Tick", "Work");
        await using var host = await app.StartHostAsync();

        var functions = host.App.Functions.ToDictionary(f => f.Name);
        Assert.Equal(["Asset", "Bytes", "Drip", "Echo", "Emit", "Forward", "GetItem", "Prelabel", "StartupTick", "Status", "Tick", "Work"], functions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(app.Settings["WorkQueue"], Assert.IsType<QueueTriggerBinding>(functions["Work"].Trigger).QueueName);
        var getItem = Assert.IsType<HttpTriggerBinding>(functions["GetItem"].Trigger);
        Assert.Equal("items/{category}/{id:int}", getItem.Route);
        Assert.Equal(["get"], getItem.Methods);
        var asset = Assert.IsType<BlobTriggerBinding>(functions["Asset"].Trigger);
        Assert.Equal(app.Settings["AssetContainer"], asset.Container);
        Assert.Equal(["name"], asset.Pattern.Parameters);
        Assert.Equal(app.Settings["OutContainer"] + "/{Id}.txt", Assert.IsType<BlobOutputBinding>(Assert.Single(functions["Emit"].Outputs, o => o is BlobOutputBinding)).Path);
        Assert.IsType<QueueOutputBinding>(Assert.Single(functions["Forward"].Outputs));
        var tick = Assert.IsType<TimerTriggerBinding>(functions["Tick"].Trigger);
        Assert.True(tick.UseMonitor);
        Assert.False(tick.RunOnStartup);
        var startupTick = Assert.IsType<TimerTriggerBinding>(functions["StartupTick"].Trigger);
        Assert.False(startupTick.UseMonitor);
        Assert.True(startupTick.RunOnStartup);
        Assert.NotNull(host.Worker!.ProcessId);
        Assert.Equal(1, host.Worker.Starts);
        var ready = await app.Logs.WaitForAsync(l => l.Category == "Host.Worker" && l.Message.StartsWith("Worker ready", StringComparison.Ordinal));
        Assert.Contains("12 functions", ready.Message);
    }

    [Fact]
    public async Task Start_DisabledFunctionsAreLeftOut()
    {
        using var app = WorkerTestApp.Create("GetItem");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };

        using var disabled = await client.PostAsync("api/echo/x", new StringContent("x"));

        Assert.Equal(["GetItem"], host.App.Functions.Select(f => f.Name));
        Assert.Equal(HttpStatusCode.NotFound, disabled.StatusCode);
    }

    [Fact]
    public async Task Start_MissingSettingOfAWorkerFunction_FailsWithTheProblemAndStopsTheWorker()
    {
        using var app = WorkerTestApp.Create("Work");
        app.Settings.Remove("WorkQueue");

        var failure = await Assert.ThrowsAsync<AppProblemsException>(() => app.StartHostAsync());

        Assert.Contains(failure.Problems, p => p.Contains("Work", StringComparison.Ordinal) && p.Contains("WorkQueue", StringComparison.Ordinal));
        var ready = app.Logs.All.Single(l => l.Message.StartsWith("Worker ready", StringComparison.Ordinal));
        var pid = int.Parse(ready.Message.Split("(pid ")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
        await WorkerProcesses.WaitGoneAsync(pid);
    }

    [Fact]
    public async Task Worker_KilledWhileIdle_IsRestartedAndServesAgain()
    {
        using var app = WorkerTestApp.Create("GetItem");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };
        var first = host.Worker!.ProcessId!.Value;

        System.Diagnostics.Process.GetProcessById(first).Kill();
        await WorkerProcesses.WaitGoneAsync(first);

        // A request in the few milliseconds before the host notices the exit would still be sent to the dead worker (502),
        // as with the real host; this test is about what happens once it has noticed.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (host.Worker.Starts < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        using var response = await client.GetAsync("api/items/after/7");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(7, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>());
        Assert.Equal(2, host.Worker.Starts);
        Assert.NotEqual(first, host.Worker.ProcessId);
    }

    [Fact]
    public async Task Worker_KilledMidInvocation_InvocationFails_MessageRedeliveredToTheNewWorker()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync("""{"key":"victim","sleepMs":30000,"sleepTimes":1}""");
        var started = await app.Records.WaitForAsync("Work", "started", r => r.Count == 1);
        var first = started[0]["pid"]!.GetValue<int>();

        System.Diagnostics.Process.GetProcessById(first).Kill();
        var failed = await app.Logs.WaitForAsync(l => l.Message.StartsWith("Executed 'Functions.Work' (Failed", StringComparison.Ordinal));
        await app.Records.WaitForAsync("Work", "started", r => r.Count == 2, TimeSpan.FromSeconds(60));

        Assert.Contains("WorkerUnreachable", failed.Message);
        var again = app.Records.Read("Work", "started")[1];
        Assert.Equal(2, again["dequeueCount"]!.GetValue<long>());
        Assert.NotEqual(first, again["pid"]!.GetValue<int>());
        Assert.True(host.Worker!.Starts >= 2);
    }

    [Fact]
    public async Task Worker_GetsTheAppSettingsInItsEnvironmentOnly()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();
        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync("""{"key":"env"}""");

        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);

        // The worker found TESTWORKER_RECORDS (a local setting) and its queue; the test process has neither.
        Assert.NotEqual(Environment.ProcessId, succeeded[0]["pid"]!.GetValue<int>());
        Assert.Null(Environment.GetEnvironmentVariable("TESTWORKER_RECORDS"));
        Assert.Null(Environment.GetEnvironmentVariable("WorkQueue"));
    }

    [Fact]
    public async Task InProcessWorker_ServesHttpAndQueue()
    {
        using var app = WorkerTestApp.Create("GetItem", "Work");
        await using var host = await app.StartHostAsync(new InProcessWorkerLauncher());
        using var client = new HttpClient { BaseAddress = host.HttpAddress };

        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync("""{"key":"in-process"}""");
        using var response = await client.GetAsync("api/items/inproc/3");
        var succeeded = await app.Records.WaitForAsync("Work", "succeeded", r => r.Count == 1);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<int>());
        Assert.Equal(Environment.ProcessId, succeeded[0]["pid"]!.GetValue<int>());
    }

    [Fact]
    public async Task InProcessWorkers_TwoInOneProcess_EachServesItsOwnRequests()
    {
        using var one = WorkerTestApp.Create("GetItem");
        using var two = WorkerTestApp.Create("GetItem");
        await using var first = await one.StartHostAsync(new InProcessWorkerLauncher());
        await using var second = await two.StartHostAsync(new InProcessWorkerLauncher());
        using var client = new HttpClient();

        using var a = await client.GetAsync(new Uri(first.HttpAddress, "api/items/one/1"));
        using var b = await client.GetAsync(new Uri(second.HttpAddress, "api/items/two/2"));

        Assert.Null(first.Worker!.ProcessId);
        Assert.Equal("one", JsonNode.Parse(await a.Content.ReadAsStringAsync())!["category"]!.GetValue<string>());
        Assert.Equal("two", JsonNode.Parse(await b.Content.ReadAsStringAsync())!["category"]!.GetValue<string>());
    }
}
