using System.Diagnostics;
using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Runs the app's isolated worker and keeps it running: launch (through the <see cref="IWorkerLauncher"/>), wait for
/// its stream, handshake, then hand out the ready <see cref="WorkerSession"/>.
/// </summary>
/// <remarks>
/// <para>The first start must succeed: if the worker exits, never connects (60 s) or fails the handshake, the start
/// fails with the reason. After that, a worker that exits or drops its stream is killed (its whole process tree) and
/// started again; quick repeated failures back off from 0.1 s doubling to 10 s. Invocations running on the old worker
/// fail (their channel ends); callers asking for the worker meanwhile wait for the new one.</para>
/// <para>Stopping sends <c>WorkerTerminate</c> with a grace period; a worker still running after it is killed.</para>
/// </remarks>
internal sealed class WorkerHost : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan TerminateGracePeriod = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan StableUptime = TimeSpan.FromSeconds(10);

    private readonly AppFolder _app;
    private readonly AppSettings _settings;
    private readonly IWorkerLauncher _launcher;
    private readonly WorkerRpcServer _server;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource<WorkerSession> _ready = NewReadySignal();
    private IWorkerHandle? _handle;
    private WorkerSession? _session;
    private Task? _supervisor;
    private bool _stopped;

    public WorkerHost(AppFolder app, AppSettings settings, IWorkerLauncher launcher, WorkerRpcServer server, ILoggerFactory loggers)
    {
        _app = app;
        _settings = settings;
        _launcher = launcher;
        _server = server;
        _logger = loggers.CreateLogger("Host.Worker");
    }

    /// <summary>How many times a worker was launched (1 after a clean start; more after restarts).</summary>
    public int Starts { get; private set; }

    /// <summary>The running worker's process id (null between a crash and the restart, or for an in-process worker).</summary>
    public int? ProcessId
    {
        get
        {
            lock (_gate)
            {
                return _handle is { Exited.IsCompleted: false } handle ? handle.ProcessId : null;
            }
        }
    }

    /// <summary>Starts the worker and its supervisor; completes with the first ready session, or fails with why it could not start.</summary>
    public Task<WorkerSession> StartAsync(CancellationToken cancellationToken)
    {
        _supervisor ??= Task.Run(() => SuperviseAsync(_stopping.Token), CancellationToken.None);
        return WaitReadyAsync(cancellationToken);
    }

    /// <summary>The connected worker, waiting for a restart if one is under way.</summary>
    public Task<WorkerSession> WaitReadyAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return Task.FromException<WorkerSession>(new WorkerUnavailableException("The local host is stopping its worker."));
            }

            // The worker may have gone before the supervisor noticed: don't hand out a dead session, wait for the next.
            if (_ready.Task.IsCompletedSuccessfully
                && (_ready.Task.Result.Channel.Completion.IsCompleted || _handle is null || _handle.Exited.IsCompleted))
            {
                _ready = NewReadySignal();
            }

            return _ready.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Terminates the worker gracefully (killing it if it outlives the grace period) and stops supervising.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
        }

        await _stopping.CancelAsync();
        if (_supervisor is { } supervisor)
        {
            await supervisor.WaitAsync(cancellationToken);
        }

        IWorkerHandle? handle;
        WorkerSession? session;
        lock (_gate)
        {
            (handle, session) = (_handle, _session);
            _handle = null;
            _session = null;
        }

        if (handle is not null)
        {
            await TerminateAsync(handle, session, cancellationToken);
        }

        lock (_gate)
        {
            _ready.TrySetCanceled(_stopping.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private async Task SuperviseAsync(CancellationToken stopping)
    {
        var quickFailures = 0;
        var everReady = false;
        while (!stopping.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            IWorkerHandle? handle = null;
            WorkerSession? session = null;
            try
            {
                var launch = WorkerLaunch.Create(_app, _settings, _server.Address);
                using var expectation = _server.Streams.Expect(launch.WorkerId);
                handle = await _launcher.LaunchAsync(launch, stopping);
                lock (_gate)
                {
                    _handle = handle;
                    Starts++;
                }

                var channel = await WaitForStreamAsync(expectation.Arrival, handle, stopping);
                var streamOpened = clock.ElapsedMilliseconds;
                using var handshakeTimeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                handshakeTimeout.CancelAfter(StartTimeout);
                try
                {
                    session = await WorkerHandshake.RunAsync(channel, _app.Root, clock, streamOpened, handshakeTimeout.Token);
                    if (session.HttpUri is { } httpUri)
                    {
                        await HttpEndpointProbe.WaitAsync(httpUri, handle.Exited, handshakeTimeout.Token);
                        session = session with { Timings = session.Timings with { HttpReady = clock.ElapsedMilliseconds } };
                    }
                }
                catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
                {
                    throw new WorkerStartException($"The worker did not finish the handshake within {StartTimeout.TotalSeconds} s.");
                }
                catch (WorkerUnavailableException e)
                {
                    throw new WorkerStartException($"The worker went away during the handshake (exit code {ExitCode(handle)}).", e);
                }

                Publish(session);
                everReady = true;
                _logger.LogInformation("Worker ready (pid {Pid}, {Functions} functions) after {Elapsed} ms: {Timings}",
                    handle.ProcessId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "in-process", session.Functions.Count,
                    session.Timings.Total, session.Timings);
                await Task.WhenAny(handle.Exited, channel.Completion, Task.Delay(Timeout.Infinite, stopping));
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                _logger.LogWarning("Worker (pid {Pid}) {What}; restarting it", handle.ProcessId,
                    handle.Exited.IsCompleted ? $"exited with code {handle.Exited.Result}" : "closed its stream");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (WorkerStartException e)
            {
                if (!everReady)
                {
                    Fail(e);
                    await KillAsync(handle, session);
                    return;
                }

                _logger.LogError("Worker restart failed: {Reason}", e.Message);
            }

            Unpublish();
            await KillAsync(handle, session);
            quickFailures = clock.Elapsed < StableUptime ? quickFailures + 1 : 0;
            var delay = quickFailures == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Min(10_000, 100 * Math.Pow(2, quickFailures - 1)));
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private static async Task<WorkerChannel> WaitForStreamAsync(Task<WorkerChannel> arrival, IWorkerHandle handle, CancellationToken stopping)
    {
        var first = await Task.WhenAny(arrival, handle.Exited, Task.Delay(StartTimeout, stopping));
        stopping.ThrowIfCancellationRequested();
        if (first == arrival)
        {
            return await arrival;
        }

        throw new WorkerStartException(first == handle.Exited
            ? $"The worker exited with code {handle.Exited.Result} before connecting (see the Host.Worker.Console lines above)."
            : $"The worker did not connect within {StartTimeout.TotalSeconds} s.");
    }

    private async Task TerminateAsync(IWorkerHandle handle, WorkerSession? session, CancellationToken cancellationToken)
    {
        if (session is not null && !session.Channel.Completion.IsCompleted && !handle.Exited.IsCompleted)
        {
            await session.Channel.TerminateAsync(TerminateGracePeriod);
            var exited = await Task.WhenAny(handle.Exited, Task.Delay(TerminateGracePeriod + TimeSpan.FromSeconds(1), cancellationToken));
            if (exited != handle.Exited)
            {
                _logger.LogWarning("Worker (pid {Pid}) still running {Grace} s after WorkerTerminate; killing it", handle.ProcessId, TerminateGracePeriod.TotalSeconds);
            }
        }

        await KillAsync(handle, session);
    }

    private static async Task KillAsync(IWorkerHandle? handle, WorkerSession? session)
    {
        session?.Channel.Close();
        if (handle is not null)
        {
            handle.Kill();
            await handle.DisposeAsync();
        }
    }

    private static string ExitCode(IWorkerHandle handle) =>
        handle.Exited.IsCompleted ? handle.Exited.Result.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none yet";

    private void Publish(WorkerSession session)
    {
        lock (_gate)
        {
            _session = session;
            if (!_ready.TrySetResult(session))
            {
                _ready = NewReadySignal();
                _ready.SetResult(session);
            }
        }
    }

    private void Fail(Exception reason)
    {
        lock (_gate)
        {
            _ready.TrySetException(reason);
        }
    }

    /// <summary>After a worker ended: callers from now on wait for the next one.</summary>
    private void Unpublish()
    {
        lock (_gate)
        {
            _session = null;
            _handle = null;
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReadySignal();
            }
        }
    }

    private static TaskCompletionSource<WorkerSession> NewReadySignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
