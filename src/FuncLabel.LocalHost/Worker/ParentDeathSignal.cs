using System.Collections.Concurrent;
using System.Diagnostics;

namespace FuncLabel.LocalHost.Worker;

/// <summary>
/// Makes the worker die with the local host, even when the host gets no chance to clean up (SIGKILL, a crash).
/// </summary>
/// <remarks>
/// <para>On Linux the worker is started through util-linux <c>setpriv --pdeathsig KILL</c>, which asks the kernel
/// (<c>PR_SET_PDEATHSIG</c>) to send the child SIGKILL when its parent dies and then execs the worker in place, so the
/// worker keeps the process id the host knows. The kernel's notion of "parent" is the <em>thread</em> that forked the
/// child: were the worker forked from a thread-pool thread, the worker would be killed whenever the pool retired that
/// thread (and a thread that ends before setpriv has set the signal leaves the child tied to whichever thread the kernel
/// hands it to). So every start is forked from one dedicated thread that lives as long as the process
/// (tests/FuncLabel.LocalHost.Tests/WorkerOrphanTests.cs checks both the SIGKILL case and a worker outliving its
/// starter's thread-pool thread).</para>
/// <para>Elsewhere (no <c>setpriv</c>, not Linux) the worker is started directly: a graceful stop and every crash path
/// the host sees still kill its process tree, but a host killed outright can leave it running.</para>
/// </remarks>
internal static class ParentDeathSignal
{
    private const string SetPriv = "/usr/bin/setpriv";
    private static readonly Lazy<BlockingCollection<(Process Process, TaskCompletionSource Started)>> Starts = new(CreateStarter);

    /// <summary>True when workers are tied to this process's life.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && File.Exists(SetPriv);

    /// <summary>Sets the command of <paramref name="info"/>: the worker itself, wrapped in <c>setpriv</c> when available.</summary>
    public static void Apply(ProcessStartInfo info, string executable, IReadOnlyList<string> arguments)
    {
        info.ArgumentList.Clear();
        if (IsAvailable)
        {
            info.FileName = SetPriv;
            foreach (var argument in new[] { "--pdeathsig", "KILL", "--", executable })
            {
                info.ArgumentList.Add(argument);
            }
        }
        else
        {
            info.FileName = executable;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
    }

    /// <summary>Starts <paramref name="process"/> from the dedicated starter thread (see the remarks).</summary>
    public static async Task StartAsync(Process process, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Starts.Value.Add((process, started), cancellationToken);
        await started.Task;
    }

    private static BlockingCollection<(Process, TaskCompletionSource)> CreateStarter()
    {
        var queue = new BlockingCollection<(Process, TaskCompletionSource)>();
        var thread = new Thread(() =>
        {
            foreach (var (process, started) in queue.GetConsumingEnumerable())
            {
                try
                {
                    process.Start();
                    started.SetResult();
                }
                catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
                {
                    started.SetException(e);
                }
            }
        })
        {
            IsBackground = true,
            Name = "Worker process starter",
        };
        thread.Start();
        return queue;
    }
}
