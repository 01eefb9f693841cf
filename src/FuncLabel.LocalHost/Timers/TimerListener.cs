using FuncLabel.LocalHost.App;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Storage;

namespace FuncLabel.LocalHost.Timers;

/// <summary>
/// Runs one timer function on its NCRONTAB schedule in UTC (docs/local-host.md, Timer triggers; the extension's <c>TimerListener</c>).
/// </summary>
/// <remarks>
/// <para>Start-up: with <c>useMonitor</c>, the recorded status is read; if its <c>Next</c> has passed, the function runs
/// once at once with <c>IsPastDue = true</c> (this takes precedence over <c>runOnStartup</c>); with no status, one is
/// written. Otherwise <c>runOnStartup</c> runs it once. Then it waits for each next occurrence, runs it, and (monitored)
/// records <c>Last</c> = that occurrence, <c>Next</c> = the following one. Runs never overlap, and a failed run is not
/// retried — the next occurrence is the retry, as in Azure.</para>
/// <para>Each run hands the worker the status recorded before it and whether it is past due
/// (<see cref="TimerTriggerInput"/>; the worker binds them as <c>TimerInfo</c>).</para>
/// </remarks>
internal sealed class TimerListener(
    FunctionDefinition function,
    ScheduleStatusStore? monitor,
    IFunctionInvoker executor,
    TimeProvider time,
    ILoggerFactory loggers)
{
    private readonly TimerTriggerBinding _trigger = (TimerTriggerBinding)function.Trigger;
    private readonly ILogger _logger = loggers.CreateLogger($"Host.Timer.{function.Name}");
    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), cancellationToken);
        return Task.CompletedTask;
    }

    /// <summary>Stops scheduling; a run in progress is allowed to finish unless <paramref name="drainDeadline"/> fires.</summary>
    public async Task StopAsync(CancellationToken drainDeadline)
    {
        await _stopping.CancelAsync();
        if (_loop is null)
        {
            return;
        }

        try
        {
            await _loop.WaitAsync(drainDeadline);
        }
        catch (OperationCanceledException) when (drainDeadline.IsCancellationRequested)
        {
            _logger.LogWarning("'{Function}' was still running at shutdown; abandoning the run", function.Name);
        }
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        try
        {
            var now = time.GetUtcNow();
            var status = _trigger.UseMonitor ? await ReadStatusAsync(stopping) : null;
            var pastDue = status is not null && now > status.Next;
            if (_trigger.UseMonitor && status is null)
            {
                status = new ScheduleStatus(DateTimeOffset.MinValue, _trigger.Schedule.NextAfter(now), now);
                await WriteStatusAsync(status, stopping);
            }

            if (pastDue)
            {
                _logger.LogInformation("'{Function}' is past due (next run was {Next:O}); running now", function.Name, status!.Next);
                status = await InvokeAsync(status, status.Next, pastDue: true, "Timer fired after a missed occurrence (past due).", stopping);
            }
            else if (_trigger.RunOnStartup)
            {
                status = await InvokeAsync(status, now, pastDue: false, "Timer fired at start-up (runOnStartup).", stopping);
            }

            while (!stopping.IsCancellationRequested)
            {
                var next = _trigger.Schedule.NextAfter(time.GetUtcNow());
                for (var wait = next - time.GetUtcNow(); wait > TimeSpan.Zero; wait = next - time.GetUtcNow())
                {
                    await Task.Delay(wait, time, stopping);
                }

                status = await InvokeAsync(status, next, pastDue: false, "Timer fired on schedule.", stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>The recorded status; a storage failure counts as none (logged), so the schedule still runs.</summary>
    private async Task<ScheduleStatus?> ReadStatusAsync(CancellationToken stopping)
    {
        try
        {
            return await monitor!.ReadAsync(function.Name, stopping);
        }
        catch (Exception e) when (StorageFailure.IsStorage(e))
        {
            _logger.LogWarning("'{Function}': schedule status could not be read ({Failure}); treating it as new", function.Name, StorageFailure.Describe(e));
            return null;
        }
    }

    /// <summary>Records the status; a storage failure is logged and the in-memory status kept, so the schedule still runs.</summary>
    private async Task WriteStatusAsync(ScheduleStatus status, CancellationToken stopping)
    {
        try
        {
            await monitor!.WriteAsync(function.Name, status, stopping);
        }
        catch (Exception e) when (StorageFailure.IsStorage(e))
        {
            _logger.LogWarning("'{Function}': schedule status could not be written ({Failure})", function.Name, StorageFailure.Describe(e));
        }
    }

    /// <summary>Runs the function once and returns the status to record (null when unmonitored).</summary>
    private async Task<ScheduleStatus?> InvokeAsync(ScheduleStatus? status, DateTimeOffset occurrence, bool pastDue, string reason, CancellationToken stopping)
    {
        var request = new InvocationRequest(
            function,
            reason,
            new TimerTriggerInput(status, pastDue, occurrence),
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase));

        // Runs are not cancelled by a stop request: the caller's drain deadline bounds them instead.
        await executor.ExecuteAsync(request, CancellationToken.None);
        if (!_trigger.UseMonitor)
        {
            return null;
        }

        var finished = time.GetUtcNow();
        var updated = new ScheduleStatus(occurrence, _trigger.Schedule.NextAfter(finished), finished);
        await WriteStatusAsync(updated, stopping);
        return updated;
    }
}
