using System.Runtime.InteropServices;
using FuncLabel.LocalHost;
using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Worker;

var command = CommandLine.Parse(args, out var usage);
if (command is null)
{
    Console.Error.WriteLine(usage);
    return 2;
}

// Ctrl+C and SIGTERM request a graceful stop from the very start, so a stop during start-up also ends the worker.
using var stop = new CancellationTokenSource();
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });

var settingsFile = LocalSettingsFile.Read(command.SettingsFile ?? Path.Combine(command.ScriptRoot, "local.settings.json"), out var settingsProblem);
var settings = AppSettings.FromProcess(settingsFile.Values);
if (command.WatcherOnly)
{
    return await WatcherOnly.RunAsync(command.ScriptRoot, settings, command.BlobWebhook, command.BlobWebhookCode, stop.Token);
}

var app = AppFolder.Load(command.ScriptRoot, settings, out var problems);
problems = [.. problems, .. settingsProblem is null ? [] : new[] { settingsProblem }, .. app is null ? [] : LocalFunctionsHost.Validate(app, settings)];
if (app is null || problems.Count > 0)
{
    Console.Error.WriteLine($"The app folder {command.ScriptRoot} cannot run:");
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"  - {problem}");
    }

    return 1;
}

var options = new LocalHostOptions(app, settings)
{
    Port = command.Port ?? settingsFile.LocalHttpPort ?? LocalHostOptions.DefaultPort,
    ForgetReceipts = command.ForgetReceipts,
};
LocalFunctionsHost host;
try
{
    host = await LocalFunctionsHost.StartAsync(options, stop.Token);
}
catch (WorkerStartException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
catch (AppProblemsException e)
{
    Console.Error.WriteLine($"The app folder {command.ScriptRoot} cannot run:");
    foreach (var problem in e.Problems)
    {
        Console.Error.WriteLine($"  - {problem}");
    }

    return 1;
}
catch (IOException e)
{
    Console.Error.WriteLine($"Cannot listen on port {options.Port}: {e.Message}");
    return 1;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("Stopped during start-up.");
    return 130;
}

await using (host)
{
    Console.Out.WriteLine($"Local host running (id {host.HostId}). Press Ctrl+C to stop.");
    await Task.Delay(Timeout.Infinite, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    Console.Out.WriteLine("Stopping: letting running invocations finish...");
    await host.StopAsync(CancellationToken.None);
}

return 0;
