using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.Versioning;
using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests.RunLocal;

/// <summary>
/// One run of <c>scripts/run-local.sh</c>, started the way a terminal runs a foreground command: a session (so a process
/// group) of its own, with SIGINT at its default action, so that Ctrl+C can be sent as a terminal sends it (SIGINT to the
/// process group). It runs on free ports (the emulators' and HTTP), with its own local folder and a build folder given
/// by the test, so it meets neither other tests nor a developer's instance. Every process it starts, directly or not,
/// inherits a marker variable (<see cref="MarkedProcesses"/>). Disposing kills whatever is still marked.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class RunLocalScript : IAsyncDisposable
{
    private const string MarkerName = "FUNCLABEL_RUN_LOCAL_TEST_MARK";

    private readonly Process _process;
    private readonly string _marker;
    private readonly string _localFolder;
    private readonly List<string> _output;

    private RunLocalScript(Process process, string marker, string localFolder, Uri baseAddress, List<string> output)
    {
        _process = process;
        _marker = marker;
        _localFolder = localFolder;
        BaseAddress = baseAddress;
        _output = output;
    }

    public Uri BaseAddress { get; }

    /// <summary>The script's process id, which is also its session's and process group's.</summary>
    public int Pid => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>Everything the script (and the host through it) printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output.TakeLast(60));
            }
        }
    }

    public static RunLocalScript Start(string artifactsFolder)
    {
        var marker = Guid.NewGuid().ToString("N");
        var localFolder = Directory.CreateTempSubdirectory("funclabel-runlocal-").FullName;
        var port = FreePort();

        // setsid: a new session and process group, as a terminal gives a foreground job (the test's own group is not
        // signalled with Ctrl+C). env --default-signal=INT: a command started in the background by a non-interactive
        // shell inherits SIGINT ignored, and bash cannot trap a signal ignored at entry; a terminal's foreground job
        // never starts that way, and the test must not depend on how the test run itself was started.
        var start = new ProcessStartInfo("setsid")
        {
            ArgumentList = { "env", "--default-signal=INT", "bash", RepoPaths.Of("scripts", "run-local.sh") },
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.Environment[MarkerName] = marker;
        start.Environment["FUNCLABEL_LOCAL_DIR"] = localFolder;
        start.Environment["FUNCLABEL_ARTIFACTS_DIR"] = artifactsFolder;
        start.Environment["FUNCLABEL_EMULATOR_PORTS"] = "free";
        start.Environment["FUNCLABEL_HTTP_PORT"] = port.ToString(CultureInfo.InvariantCulture);

        // The script's build must not leave MSBuild nodes or a compiler server behind: they would carry the marker
        // (they are dotnet's own long-lived helpers, not what the script runs).
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["UseSharedCompilation"] = "false";

        // An environment variable wins over the settings file the script writes: none from the test run may point the
        // host at other storage.
        foreach (var name in start.Environment.Keys.Where(k => k == "AzureWebJobsStorage" || k.StartsWith("Cosmos__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        var output = new List<string>();
        var process = Process.Start(start) ?? throw new InvalidOperationException("setsid did not start");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => Record(output, e.Data);
        process.ErrorDataReceived += (_, e) => Record(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RunLocalScript(process, marker, localFolder, new Uri($"http://127.0.0.1:{port}/"), output);
    }

    /// <summary>The processes started by this run (the script included) that are still running.</summary>
    public IReadOnlyList<MarkedProcess> Running() => MarkedProcesses.Find(MarkerName, _marker);

    public bool Printed(string text)
    {
        lock (_output)
        {
            return _output.Any(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>The index of the first line containing <paramref name="text"/>, or -1.</summary>
    public int LineOf(string text)
    {
        lock (_output)
        {
            return _output.FindIndex(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Waits until the script prints <paramref name="text"/>; fails if it exits first or time runs out.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!Printed(text))
        {
            if (_process.HasExited)
            {
                Assert.Fail($"run-local.sh exited ({_process.ExitCode}) before printing '{text}':\n{Output}");
            }

            await Delay(limit.Token, $"'{text}' was not printed within {timeout}");
        }
    }

    /// <summary>Waits until <c>GET /api/health</c> gets any HTTP answer through the local host.</summary>
    public async Task WaitForHealthAnswerAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        while (true)
        {
            if (_process.HasExited)
            {
                Assert.Fail($"run-local.sh exited ({_process.ExitCode}) before the host answered:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("api/health", UriKind.Relative), limit.Token);
                return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!limit.IsCancellationRequested)
            {
                // That one request timed out: the host is still starting.
            }

            await Delay(limit.Token, $"GET /api/health got no answer within {timeout}");
        }
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. TERM) to the script alone, or to its whole process group.</summary>
    public async Task SignalAsync(string signal, bool processGroup)
    {
        var target = (processGroup ? -Pid : Pid).ToString(CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", ["-" + signal, "--", target]);
        await kill.WaitForExitAsync();
        Assert.True(kill.ExitCode == 0, $"kill -{signal} {target} failed");
    }

    /// <summary>Waits until none of the run's processes is left (or time runs out) and returns those still there.</summary>
    public async Task<IReadOnlyList<MarkedProcess>> WaitUntilNoneRunningAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        var running = Running();
        while (running.Count > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(250);
            running = Running();
        }

        if (running.Count == 0)
        {
            // Let the output readers reach the end of the streams, for assertions on what was printed.
            await _process.WaitForExitAsync();
        }

        return running;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var left in Running())
        {
            try
            {
                using var process = Process.GetProcessById(left.Pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Exited meanwhile.
            }
        }

        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException) when (grace.IsCancellationRequested)
            {
                // Something unmarked still holds the output; the process itself was killed above.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_localFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a process that was just killed; the temp folder is cleaned by the OS later.
        }
    }

    private static async Task Delay(CancellationToken limit, string timeoutMessage)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), limit);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            Assert.Fail(timeoutMessage);
        }
    }

    private static void Record(List<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
