namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Starts a worker for a <see cref="WorkerLaunch"/>. The local host runs it as a child process
/// (<see cref="ProcessWorkerLauncher"/>); a test may run the app's worker host inside the test process instead, with
/// the same arguments and settings.
/// </summary>
internal interface IWorkerLauncher
{
    Task<IWorkerHandle> LaunchAsync(WorkerLaunch launch, CancellationToken cancellationToken);
}

/// <summary>A started worker: when it ends, and how to end it at once.</summary>
internal interface IWorkerHandle : IAsyncDisposable
{
    /// <summary>The worker's process id, or null when it does not run as a process of its own.</summary>
    int? ProcessId { get; }

    /// <summary>Completes with the exit code when the worker has ended, whatever ended it.</summary>
    Task<int> Exited { get; }

    /// <summary>Ends the worker now (its whole process tree); returns without waiting. Safe to call after it ended.</summary>
    void Kill();
}
