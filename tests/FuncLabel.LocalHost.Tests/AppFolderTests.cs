using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Reading host.json and function.json files, and resolving settings, without any process or emulator.</summary>
public sealed class AppFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("funclabel-appfolder-").FullName;

    [Fact]
    public void Load_FunctionsAndHostSettings_ResolvedFromSettings()
    {
        Write("host.json", """
            { "customHandler": { "description": { "defaultExecutablePath": "app/Handler", "workingDirectory": "app", "arguments": ["--x", "%Flag%"] },
                                 "enableForwardingHttpRequest": true },
              "extensions": { "queues": { "BatchSize": 4, "maxDequeueCount": 2, "visibilityTimeout": "00:00:05" } } }
            """);
        Write("Orders/function.json", """{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "%OrdersQueue%" } ] }""");
        Write("Nightly/function.json", """{ "bindings": [ { "type": "timerTrigger", "direction": "in", "name": "t", "schedule": "%Nightly%", "runOnStartup": true } ] }""");
        var settings = Settings(("OrdersQueue", "Orders-In"), ("Nightly", "0 30 2 * * *"), ("Flag", "on"));

        var app = AppFolder.Load(_root, settings, out var problems);

        Assert.Empty(problems);
        var queue = Assert.IsType<QueueTriggerBinding>(app!.Functions.Single(f => f.Name == "Orders").Trigger);
        Assert.Equal("orders-in", queue.QueueName);
        Assert.Equal(AppFolder.DefaultConnection, queue.Connection);
        var timer = Assert.IsType<TimerTriggerBinding>(app.Functions.Single(f => f.Name == "Nightly").Trigger);
        Assert.True(timer.RunOnStartup);
        Assert.True(timer.UseMonitor);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 2, 30, 0, TimeSpan.Zero), timer.Schedule.NextAfter(new DateTimeOffset(2024, 1, 1, 2, 30, 0, TimeSpan.Zero)));
        Assert.Equal(4, app.Host.Queues.BatchSize);
        Assert.Equal(2, app.Host.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(5), app.Host.Queues.VisibilityTimeout);
        Assert.Equal(["--x", "on"], Handler.HandlerLaunch.From(app, settings).Arguments);
        Assert.Equal(Path.Combine(_root, "app"), Handler.HandlerLaunch.From(app, settings).WorkingDirectory);
    }

    [Fact]
    public void Load_MissingSettingAndUnsupportedTrigger_ReportsEveryProblem()
    {
        Write("host.json", """{ "customHandler": { "description": { "defaultExecutablePath": "h" } } }""");
        Write("A/function.json", """{ "bindings": [ { "type": "queueTrigger", "direction": "in", "name": "m", "queueName": "%Nope%" } ] }""");
        Write("B/function.json", """{ "bindings": [ { "type": "cosmosDBTrigger", "direction": "in", "name": "d" } ] }""");
        Write("C/function.json", """{ "bindings": [ { "type": "httpTrigger", "direction": "in", "name": "req" }, { "type": "http", "direction": "out", "name": "res" } ] }""");

        var app = AppFolder.Load(_root, Settings(), out var problems);

        Assert.Null(app);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("'Nope'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("cosmosDBTrigger", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("forwarding mode", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_EnvironmentOverridesFile_AndArgumentsKeepUnknownNames()
    {
        var settings = AppSettings.Create(
            new System.Collections.Hashtable { ["Shared"] = "from-env" },
            new Dictionary<string, string> { ["Shared"] = "from-file", ["OnlyFile"] = "f" });

        Assert.Equal("from-env", settings.Get("shared"));
        Assert.Equal(["OnlyFile"], settings.FileValues.Keys);
        Assert.Equal("f-%FUNCTIONS_CUSTOMHANDLER_PORT%-from-env", settings.ExpandLeavingUnknown("%OnlyFile%-%FUNCTIONS_CUSTOMHANDLER_PORT%-%Shared%"));
        Assert.Null(settings.Resolve("%Missing%", out var missing));
        Assert.Equal("Missing", missing);
        Assert.Equal("50%", settings.Resolve("50%%", out _));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static AppSettings Settings(params (string Name, string Value)[] values) =>
        AppSettings.Create(new System.Collections.Hashtable(), values.ToDictionary(v => v.Name, v => v.Value));
}
