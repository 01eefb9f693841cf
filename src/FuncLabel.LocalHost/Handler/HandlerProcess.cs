using System.ComponentModel;
using System.Diagnostics;

namespace FuncLabel.LocalHost.Handler;

/// <summary>
/// Runs the custom handler as the Functions host does and keeps it running (docs/local-host.md, Handler launch and readiness).
/// </summary>
/// <remarks>
/// Each start picks a free loopback port and passes it to the child only, in <c>FUNCTIONS_CUSTOMHANDLER_PORT</c>
/// (with the host's companion variables and the app settings from local.settings.json). The handler is ready when
/// <c>GET /</c> gets any HTTP answer; the host polls every 25 ms for up to 30 s. If the process exits — a crash, or
/// someone killing it — a supervisor starts a new one on a new port; invocations that ask for the handler meanwhile
/// wait for the new one. Repeated quick failures back off (0.1 s doubling to 10 s) so a broken handler does not spin.
/// </remarks>
internal sealed class HandlerProcess : IAsyncDisposable
{
    public static readonly TimeSpan InitializationTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReadinessPollInterval = TimeSpan.FromMilliseconds(25);
    private static readonly TimeSpan StableUptime = TimeSpan.FromSeconds(10);

    private readonly HandlerLaunch _launch;
    private readonly ILogger _logger;
    private readonly ILogger _output;
    private readonly HttpClient _probe = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(1) }) { Timeout = TimeSpan.FromSeconds(5) };
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<Uri> _ready = NewReadySignal();
    private Task? _supervisor;
    private Process? _process;

    public HandlerProcess(HandlerLaunch launch, ILoggerFactory loggers)
    {
        _launch = launch;
        _logger = loggers.CreateLogger("Host.Handler");
        _output = loggers.CreateLogger("Handler");
    }

    /// <summary>The running handler's process id, or null between a crash and the restart.</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false } p ? p.Id : null;
            }
        }
    }

    /// <summary>How many times the handler was started (1 after a clean start; more after restarts).</summary>
    public int Starts { get; private set; }

    /// <summary>Starts the handler and the supervisor; completes when the first handler answers.</summary>
    public Task<Uri> StartAsync(CancellationToken cancellationToken)
    {
        _supervisor ??= Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        return WaitReadyAsync(cancellationToken);
    }

    /// <summary>The base address (<c>http://127.0.0.1:{port}/</c>) of a handler that has answered, waiting for a restart if one is under way.</summary>
    public Task<Uri> WaitReadyAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            // The process may have died before the supervisor noticed: don't hand out its address, wait for the restart.
            if (_ready.Task.IsCompletedSuccessfully && (_process is null || HasExited(_process)))
            {
                _ready = NewReadySignal();
            }

            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Kill();
        if (_supervisor is { } supervisor)
        {
            await supervisor.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _probe.Dispose();
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var quickFailures = 0;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                var port = FreeTcpPort.Next();
                Process process;
                try
                {
                    process = Start(port);
                }
                catch (Win32Exception e)
                {
                    Publish(signal => signal.TrySetException(new HandlerStartException(
                        $"Could not start the handler '{_launch.Executable}': {e.Message}", e)));
                    return;
                }

                var started = Stopwatch.StartNew();
                var exited = process.WaitForExitAsync(CancellationToken.None);
                if (await AnswersAsync(port, exited, stopping))
                {
                    var address = new Uri($"http://127.0.0.1:{port}/");
                    _logger.LogInformation("Handler ready at {Address} (pid {Pid}) after {Elapsed} ms", address, process.Id, started.ElapsedMilliseconds);
                    Publish(signal => signal.TrySetResult(address));
                }
                else if (!exited.IsCompleted && !stopping.IsCancellationRequested)
                {
                    _logger.LogError("Handler did not answer GET / within {Timeout} s; killing it", InitializationTimeout.TotalSeconds);
                    KillTree(process);
                }

                await exited.WaitAsync(stopping);
                Unpublish();
                quickFailures = started.Elapsed < StableUptime ? quickFailures + 1 : 0;
                var delay = quickFailures == 0
                    ? TimeSpan.Zero
                    : TimeSpan.FromMilliseconds(Math.Min(10_000, 100 * Math.Pow(2, quickFailures - 1)));
                _logger.LogWarning("Handler (pid {Pid}) exited with code {Code}; restarting in {Delay} ms", process.Id, process.ExitCode, delay.TotalMilliseconds);
                lock (_gate)
                {
                    _process = null;
                }

                process.Dispose();
                await Task.Delay(delay, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: fall through to the cleanup below.
        }
        finally
        {
            Kill();
            Publish(signal => signal.TrySetCanceled(stopping));
        }
    }

    private Process Start(int port)
    {
        var info = new ProcessStartInfo(_launch.Executable)
        {
            WorkingDirectory = _launch.WorkingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in _launch.Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in _launch.Settings)
        {
            info.Environment.TryAdd(name, value);
        }

        var workerId = Guid.NewGuid().ToString();
        info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["FUNCTIONS_HTTPWORKER_PORT"] = info.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"];
        info.Environment["FUNCTIONS_CUSTOMHANDLER_WORKER_ID"] = workerId;
        info.Environment["FUNCTIONS_HTTPWORKER_ID"] = workerId;
        info.Environment["FUNCTIONS_APP_ROOT_PATH"] = _launch.AppRoot;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, LogLevel.Warning);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_gate)
        {
            _process = process;
            Starts++;
        }

        return process;
    }

    private async Task<bool> AnswersAsync(int port, Task exited, CancellationToken stopping)
    {
        var deadline = Stopwatch.StartNew();
        var root = new Uri($"http://127.0.0.1:{port}/");
        while (!exited.IsCompleted && deadline.Elapsed < InitializationTimeout && !stopping.IsCancellationRequested)
        {
            try
            {
                using var response = await _probe.GetAsync(root, stopping);
                return true; // Any HTTP answer means ready; the status is ignored, as in the host.
            }
            catch (HttpRequestException)
            {
                await Task.Delay(ReadinessPollInterval, stopping);
            }
            catch (TaskCanceledException) when (!stopping.IsCancellationRequested)
            {
                // One probe timed out; try again until the deadline.
            }
        }

        return false;
    }

    private void Forward(string? line, LogLevel level)
    {
        if (line is not null)
        {
            _output.Log(level, "{Line}", line);
        }
    }

    private void Publish(Action<TaskCompletionSource<Uri>> complete)
    {
        lock (_gate)
        {
            complete(_ready);
        }
    }

    /// <summary>After an exit: callers from now on wait for the next start. Waiters on a start that never answered keep waiting.</summary>
    private void Unpublish()
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReadySignal();
            }
        }
    }

    private void Kill()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
        }

        if (process is not null)
        {
            KillTree(process);
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited (or disposed) between the check and the kill.
        }
    }

    private static TaskCompletionSource<Uri> NewReadySignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>The handler executable could not be started at all (missing, not executable): a configuration error.</summary>
internal sealed class HandlerStartException(string message, Exception inner) : Exception(message, inner);
