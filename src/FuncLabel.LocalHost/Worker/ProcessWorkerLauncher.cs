using System.ComponentModel;
using System.Diagnostics;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Runs the worker as a child process: <see cref="WorkerLaunch"/>'s command in the app folder with its environment,
/// the worker's console output logged under <c>Host.Worker.Console</c> (the worker normally logs over gRPC; the console
/// shows only what it prints before that, e.g. why it could not start). On Linux the child is tied to this process with
/// a parent-death signal (<see cref="ParentDeathSignal"/>), so even a host killed with SIGKILL leaves no worker behind.
/// </summary>
internal sealed class ProcessWorkerLauncher(ILoggerFactory loggers) : IWorkerLauncher
{
    private readonly ILogger _console = loggers.CreateLogger("Host.Worker.Console");

    public async Task<IWorkerHandle> LaunchAsync(WorkerLaunch launch, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo
        {
            WorkingDirectory = launch.AppDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
        };
        ParentDeathSignal.Apply(info, launch.Executable, launch.Arguments);
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Forward(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Forward(e.Data, LogLevel.Warning);
        try
        {
            await ParentDeathSignal.StartAsync(process, cancellationToken);
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new WorkerStartException($"Could not start the worker '{launch.Executable}': {e.Message}", e);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ProcessHandle(process);
    }

    private void Forward(string? line, LogLevel level)
    {
        if (!string.IsNullOrEmpty(line))
        {
            _console.Log(level, "{Line}", line);
        }
    }

    private sealed class ProcessHandle : IWorkerHandle
    {
        private readonly Process _process;

        public ProcessHandle(Process process)
        {
            _process = process;
            ProcessId = process.Id;
            Exited = WaitAsync(process);
        }

        public int? ProcessId { get; }

        public Task<int> Exited { get; }

        public void Kill()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already exited.
            }
            catch (Win32Exception)
            {
                // Exiting while being killed.
            }
        }

        public async ValueTask DisposeAsync()
        {
            Kill();
            await Exited;
            _process.Dispose();
        }

        private static async Task<int> WaitAsync(Process process)
        {
            await process.WaitForExitAsync(CancellationToken.None);
            return process.ExitCode;
        }
    }
}

/// <summary>The worker could not be started at all (missing executable, not executable): a configuration error.</summary>
internal sealed class WorkerStartException(string message, Exception? inner = null) : Exception(message, inner);
