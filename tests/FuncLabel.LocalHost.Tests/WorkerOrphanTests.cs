using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncLabel.LocalHost.Tests.Support;
using FuncLabel.LocalHost.Worker;

namespace FuncLabel.LocalHost.Tests;

/// <summary>
/// The local host executable on the test worker: it serves, and however it ends — SIGTERM, or SIGKILL with no chance to
/// clean up — no worker process is left behind.
/// </summary>
public sealed partial class WorkerOrphanTests
{
    [Fact]
    public async Task Sigterm_HostStopsGracefully_WorkerGone()
    {
        await using var run = await HostProcess.StartAsync();
        using var client = new HttpClient { BaseAddress = run.BaseAddress };
        using var response = await client.GetAsync("api/items/exe/5");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        run.Signal("TERM");
        await run.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        Assert.Equal(0, run.Process.ExitCode);
        Assert.False(WorkerProcesses.IsRunning(run.WorkerPid), $"worker {run.WorkerPid} outlived its host");
    }

    [Fact]
    public async Task Sigkill_HostDiesAtOnce_WorkerGoneAnyway()
    {
        await using var run = await HostProcess.StartAsync();
        Assert.True(WorkerProcesses.IsRunning(run.WorkerPid));

        run.Signal("KILL");
        await run.Process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);

        await WorkerProcesses.WaitGoneAsync(run.WorkerPid, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ParentDeathSignal_FiresWhenTheForkingThreadEnds_SoWorkersAreStartedFromALongLivedThread()
    {
        Assert.True(ParentDeathSignal.IsAvailable || !OperatingSystem.IsLinux(), "setpriv (util-linux) is expected on Linux");

        // The premise: a child given a parent-death signal dies as soon as the thread that forked it ends. (The thread
        // waits until setpriv has set the signal: a thread that ends before that leaves the child to another thread.)
        var direct = NewSleeper();
        var thread = new Thread(() =>
        {
            direct.Start();
            Thread.Sleep(1000);
        });
        thread.Start();
        thread.Join();
        await WorkerProcesses.WaitGoneAsync(direct.Id, TimeSpan.FromSeconds(10));

        // The host's way: started from the dedicated starter thread, the child outlives the thread that asked for it.
        var started = NewSleeper();
        var asking = new Thread(() => ParentDeathSignal.StartAsync(started, CancellationToken.None).GetAwaiter().GetResult());
        asking.Start();
        asking.Join();
        await Task.Delay(1000);
        try
        {
            Assert.True(WorkerProcesses.IsRunning(started.Id), "the worker died with the thread that asked for it");
        }
        finally
        {
            started.Kill();
        }
    }

    private static Process NewSleeper()
    {
        var info = new ProcessStartInfo { UseShellExecute = false };
        ParentDeathSignal.Apply(info, "sleep", ["30"]);
        return new Process { StartInfo = info };
    }

    [GeneratedRegex(@"Worker ready \(pid (\d+),")]
    private static partial Regex WorkerReady();

    /// <summary>The host executable (as built next to the tests) running the test worker, its output collected.</summary>
    private sealed class HostProcess : IAsyncDisposable
    {
        private readonly WorkerTestApp _app;
        private readonly List<string> _output;

        private HostProcess(WorkerTestApp app, Process process, Uri baseAddress, int workerPid, List<string> output)
        {
            _app = app;
            Process = process;
            BaseAddress = baseAddress;
            WorkerPid = workerPid;
            _output = output;
        }

        public Process Process { get; }

        public Uri BaseAddress { get; }

        public int WorkerPid { get; }

        public static async Task<HostProcess> StartAsync()
        {
            var app = WorkerTestApp.Create("GetItem");
            var values = new JsonObject();
            foreach (var (name, value) in app.Settings)
            {
                values[name] = value;
            }

            var settingsFile = Path.Combine(app.Work, "local.settings.json");
            await File.WriteAllTextAsync(settingsFile, new JsonObject { ["Values"] = values }.ToJsonString());
            var port = FreePort();
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    Path.Combine(AppContext.BaseDirectory, "FuncLabel.LocalHost.dll"),
                    "--script-root", WorkerTestApp.Folder, "--settings", settingsFile, "--port", port.ToString(CultureInfo.InvariantCulture),
                },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var (name, value) in app.Settings)
            {
                start.Environment[name] = value;
            }

            var output = new List<string>();
            var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            // The host serves HTTP before it has started its triggers; a stop before it says it is running is a stop
            // during start-up (exit code 130), so a test of the running host waits for that line.
            var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
            DataReceivedEventHandler collect = (_, e) =>
            {
                if (e.Data is null)
                {
                    return;
                }

                lock (output)
                {
                    output.Add(e.Data);
                }

                if (WorkerReady().Match(e.Data) is { Success: true } match)
                {
                    ready.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }

                if (e.Data.StartsWith("Local host running", StringComparison.Ordinal))
                {
                    running.TrySetResult();
                }
            };
            process.OutputDataReceived += collect;
            process.ErrorDataReceived += collect;
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var workerPid = await ready.Task.WaitAsync(TimeSpan.FromSeconds(60));
            var baseAddress = new Uri($"http://127.0.0.1:{port}/");
            await WaitListeningAsync(port);
            await running.Task.WaitAsync(TimeSpan.FromSeconds(60));
            return new HostProcess(app, process, baseAddress, workerPid, output);
        }

        public void Signal(string signal)
        {
            using var kill = Process.Start("kill", [$"-{signal}", Process.Id.ToString(CultureInfo.InvariantCulture)]);
            kill.WaitForExit();
        }

        public async ValueTask DisposeAsync()
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }

            if (WorkerProcesses.IsRunning(WorkerPid))
            {
                System.Diagnostics.Process.GetProcessById(WorkerPid).Kill();
            }

            Process.Dispose();
            _app.Dispose();
        }

        public override string ToString()
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }

        private static async Task WaitListeningAsync(int port)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    return;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(50);
                }
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
