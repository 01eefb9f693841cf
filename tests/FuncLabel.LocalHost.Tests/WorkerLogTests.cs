using FuncLabel.LocalHost.Tests.Support;
using Microsoft.Extensions.Logging;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Worker mode logs: the worker's RpcLog messages become readable host log lines per function.</summary>
public sealed class WorkerLogTests
{
    [Fact]
    public async Task FunctionLogs_UnderTheFunctionsCategory_AsPlainText()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();

        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync("""{"key":"log-check"}""");

        var line = await app.Logs.WaitForAsync(l => l.Message.Contains("log-check", StringComparison.Ordinal) && l.Category.StartsWith("Function.", StringComparison.Ordinal));
        Assert.Equal("Function.Work", line.Category);
        Assert.Equal(LogLevel.Information, line.Level);
        Assert.Equal("Work log-check delivery 1", line.Message);
    }

    [Fact]
    public async Task FailingFunction_ItsExceptionIsLogged_WithTypeAndMessage()
    {
        using var app = WorkerTestApp.Create("Work");
        await using var host = await app.StartHostAsync();

        await WorkerTestApp.Queue(app.Settings["WorkQueue"]).SendMessageAsync("""{"key":"boom","failTimes":1}""");

        var failed = await app.Logs.WaitForAsync(l => l.Message.StartsWith("Executed 'Functions.Work' (Failed", StringComparison.Ordinal));
        Assert.Contains("FunctionFailed", failed.Message);
        Assert.Contains("failing on purpose (delivery 1)", failed.Message);
        Assert.DoesNotContain(app.Logs.All, l => l.Message.TrimStart().StartsWith('{'));
    }

    [Fact]
    public async Task FrameworkRequestLogs_AreFilteredOut()
    {
        using var app = WorkerTestApp.Create("GetItem");
        await using var host = await app.StartHostAsync();
        using var client = new HttpClient { BaseAddress = host.HttpAddress };

        using var response = await client.GetAsync("api/items/quiet/1");
        await app.Logs.WaitForAsync(l => l.Message.StartsWith("Executed 'Functions.GetItem'", StringComparison.Ordinal));
        await Task.Delay(500); // logs the worker sends after its answer

        Assert.DoesNotContain(app.Logs.All, l => l.Message.Contains("Request starting", StringComparison.Ordinal) || l.Message.Contains("Request finished", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.All, l => l.Category.StartsWith("Function.", StringComparison.Ordinal) && l.Level <= LogLevel.Information && l.Message.Contains("Executing endpoint", StringComparison.Ordinal));
    }
}
