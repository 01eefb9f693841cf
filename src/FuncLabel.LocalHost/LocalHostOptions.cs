using FuncLabel.LocalHost.App;

namespace FuncLabel.LocalHost;

/// <summary>How one local host runs: the app and its settings, where HTTP listens, and the knobs tests turn.</summary>
internal sealed record LocalHostOptions(AppFolder App, AppSettings Settings)
{
    public const int DefaultPort = 7071;

    /// <summary>The HTTP port; 0 picks a free one (tests).</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>How long a stop waits for running invocations before cancelling them (their queue messages are then released).</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>
    /// Delete the blob watcher's receipts before it starts, so blobs already in storage are announced again — for a
    /// backend whose database starts empty on every run (the local Cosmos DB server keeps nothing between runs).
    /// </summary>
    public bool ForgetReceipts { get; init; }

    /// <summary>Seeds the polling back-off's randomness; null for a random seed.</summary>
    public int? RandomSeed { get; init; }

    /// <summary>How a worker app's worker is started; null runs it as a child process (<see cref="Worker.ProcessWorkerLauncher"/>).</summary>
    public Worker.IWorkerLauncher? WorkerLauncher { get; init; }

    /// <summary>Extra logging set-up (tests add a provider that keeps the lines).</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }
}
