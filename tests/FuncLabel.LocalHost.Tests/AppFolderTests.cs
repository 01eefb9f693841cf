using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Worker;
using FuncLabel.LocalHost.Worker.Rpc;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// Reading a worker app's build output (host.json, worker.config.json), the worker's launch command, the functions the
/// worker reports with their settings resolved, and app settings — without any process or emulator.
/// </summary>
public sealed class AppFolderTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("funclabel-appfolder-").FullName;

    [Fact]
    public void Load_HostSettingsAndWorkerLaunch_ResolvedFromSettings()
    {
        Write("host.json", """{ "extensions": { "queues": { "BatchSize": 4, "maxDequeueCount": 2, "visibilityTimeout": "00:00:05" } } }""");
        Write("worker.config.json", """
            { "description": { "language": "dotnet-isolated", "defaultExecutablePath": "bin/launcher", "arguments": ["--x", "%Flag%", "%Unset%"],
                               "defaultWorkerPath": "App.dll", "workerArguments": ["--mode", "%Flag%"] } }
            """);
        Write("bin/launcher", "");
        var settings = Settings(("Flag", "on"));

        var app = AppFolder.Load(_root, settings, out var problems);
        var launch = WorkerLaunch.Create(app!, settings, new Uri("http://127.0.0.1:5555/"));

        Assert.Empty(problems);
        Assert.Equal(4, app!.Host.Queues.BatchSize);
        Assert.Equal(2, app.Host.Queues.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(5), app.Host.Queues.VisibilityTimeout);
        Assert.Equal("api", app.Host.RoutePrefix);
        Assert.Equal(Path.Combine(_root, "bin", "launcher"), launch.Executable);
        Assert.Equal(["--x", "on", "%Unset%", Path.Combine(_root, "App.dll"), "--mode", "on", "--functions-uri", "http://127.0.0.1:5555/"], launch.Arguments.Take(8));
        Assert.Equal(_root, launch.AppDirectory);
        Assert.Equal("on", launch.Environment["Flag"]);
        Assert.Equal("dotnet-isolated", launch.Environment["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal(launch.WorkerId, launch.WorkerConfiguration["Functions:Worker:WorkerId"]);
    }

    [Fact]
    public void Load_NotAWorkerBuildOutput_SaysWhatIsMissing()
    {
        Write("host.json", """{ "version": "2.0" }""");

        var app = AppFolder.Load(_root, Settings(), out var problems);

        Assert.Null(app);
        Assert.Contains(problems, p => p.Contains("worker.config.json", StringComparison.Ordinal) && p.Contains("scripts/build-app.sh", StringComparison.Ordinal));
    }

    [Fact]
    public void ReportedFunctions_SettingsResolved_QueueNamesLowercased_TimerDefaults()
    {
        var app = EmptyApp();
        var settings = Settings(("OrdersQueue", "Orders-In"), ("Nightly", "0 30 2 * * *"));
        var problems = new List<string>();

        var resolved = WorkerFunctions.Resolve(app, [
            Function("Orders", """{ "type": "queueTrigger", "direction": "In", "name": "m", "queueName": "%OrdersQueue%" }"""),
            Function("Nightly", """{ "type": "timerTrigger", "direction": "In", "name": "t", "schedule": "%Nightly%", "runOnStartup": true }"""),
        ], settings, problems);

        Assert.Empty(problems);
        var queue = Assert.IsType<QueueTriggerBinding>(resolved.Functions.Single(f => f.Name == "Orders").Trigger);
        Assert.Equal("orders-in", queue.QueueName);
        Assert.Equal(AppFolder.DefaultConnection, queue.Connection);
        var timer = Assert.IsType<TimerTriggerBinding>(resolved.Functions.Single(f => f.Name == "Nightly").Trigger);
        Assert.True(timer.RunOnStartup);
        Assert.True(timer.UseMonitor);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 2, 30, 0, TimeSpan.Zero), timer.Schedule.NextAfter(new DateTimeOffset(2024, 1, 1, 2, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void ReportedFunctions_MissingSettingUnsupportedTriggerAndInputBinding_ReportsEveryProblem()
    {
        var problems = new List<string>();

        var resolved = WorkerFunctions.Resolve(EmptyApp(), [
            Function("A", """{ "type": "queueTrigger", "direction": "In", "name": "m", "queueName": "%Nope%" }"""),
            Function("B", """{ "type": "cosmosDBTrigger", "direction": "In", "name": "d" }"""),
            Function("C", """{ "type": "queueTrigger", "direction": "In", "name": "m", "queueName": "c" }""", """{ "type": "blob", "direction": "In", "name": "b", "path": "x/y" }"""),
        ], Settings(), problems);

        Assert.Empty(resolved.Functions);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("A:", StringComparison.Ordinal) && p.Contains("'Nope'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("B:", StringComparison.Ordinal) && p.Contains("cosmosDBTrigger", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("C:", StringComparison.Ordinal) && p.Contains("'blob' input bindings", StringComparison.Ordinal));
    }

    [Fact]
    public void Settings_EnvironmentOverridesFile_AndArgumentsKeepUnknownNames()
    {
        var settings = AppSettings.Create(
            new System.Collections.Hashtable { ["Shared"] = "from-env" },
            new Dictionary<string, string> { ["Shared"] = "from-file", ["OnlyFile"] = "f" });

        Assert.Equal("from-env", settings.Get("shared"));
        Assert.Equal(["OnlyFile"], settings.FileValues.Keys);
        Assert.Equal("f-%NOT_A_SETTING%-from-env", settings.ExpandLeavingUnknown("%OnlyFile%-%NOT_A_SETTING%-%Shared%"));
        Assert.Null(settings.Resolve("%Missing%", out var missing));
        Assert.Equal("Missing", missing);
        Assert.Equal("50%", settings.Resolve("50%%", out _));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private AppFolder EmptyApp()
    {
        Write("host.json", "{}");
        Write("worker.config.json", """{ "description": { "defaultExecutablePath": "dotnet", "defaultWorkerPath": "App.dll" } }""");
        return AppFolder.Load(_root, Settings(), out _)!;
    }

    private static RpcFunctionMetadata Function(string name, params string[] rawBindings)
    {
        var metadata = new RpcFunctionMetadata { Name = name, FunctionId = name };
        metadata.RawBindings.AddRange(rawBindings);
        return metadata;
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static AppSettings Settings(params (string Name, string Value)[] values) =>
        AppSettings.Create(new System.Collections.Hashtable(), values.ToDictionary(v => v.Name, v => v.Value));
}
