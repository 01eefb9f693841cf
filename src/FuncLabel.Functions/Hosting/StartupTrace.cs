using System.Diagnostics;

namespace FuncLabel.Functions.Hosting;

/// <summary>
/// Opt-in start-up timeline (<c>FUNCLABEL_STARTUP_TRACE=1</c>): one stderr line per phase with the milliseconds since
/// the process started, the CPU time used so far (all threads; on a loaded machine it varies much less than the
/// wall time) and the methods JIT-compiled so far with the time spent compiling them, so bench/startup.sh's gap to a
/// bare web app can be split into phases (runtime start before <c>Main</c>, host building, endpoint mapping, listening,
/// the first request). Off by default; then every call is a single static flag check.
/// </summary>
/// <remarks>
/// The process start time comes from the OS (clock-tick resolution, 10 ms on Linux); later phases are measured with
/// <see cref="Stopwatch"/> from the <c>Main</c> entry mark, so only that first offset carries the coarse resolution.
/// </remarks>
internal static class StartupTrace
{
    public const string Variable = "FUNCLABEL_STARTUP_TRACE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) == "1";
    private static long mainTimestamp;
    private static double mainOffsetMs;

    /// <summary>Records the <c>Main</c> entry; call first thing in Program.cs.</summary>
    public static void Start()
    {
        if (!Enabled)
        {
            return;
        }

        mainTimestamp = Stopwatch.GetTimestamp();
        using var process = Process.GetCurrentProcess();
        mainOffsetMs = (DateTime.Now - process.StartTime).TotalMilliseconds;
        Write("main");
    }

    /// <summary>Records that the named phase just ended.</summary>
    public static void Mark(string phase)
    {
        if (Enabled)
        {
            Write(phase);
        }
    }

    private static void Write(string phase)
    {
        var ms = mainOffsetMs + Stopwatch.GetElapsedTime(mainTimestamp).TotalMilliseconds;
        var cpuMs = Environment.CpuUsage.TotalTime.TotalMilliseconds;
        // Methods the JIT compiled so far (ReadyToRun code needs none until tiering re-compiles hot methods) and the
        // time spent in it: what ReadyToRun and the source generators are meant to remove.
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitMs = System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds;
        Console.Error.WriteLine(FormattableString.Invariant(
            $"startup-trace {ms,8:F1} ms cpu {cpuMs,7:F0} ms jit {jitted,5} methods {jitMs,6:F0} ms {phase}"));
    }
}
