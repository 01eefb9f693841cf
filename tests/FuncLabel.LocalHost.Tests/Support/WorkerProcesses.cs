using System.Diagnostics;

namespace FuncLabel.LocalHost.Tests.Support;

/// <summary>Process checks for the no-orphan tests.</summary>
internal static class WorkerProcesses
{
    /// <summary>True while a process with this id exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (OperatingSystem.IsLinux())
        {
            try
            {
                // Field 3 is the state; Z (zombie) and X (dead) mean it is gone, only not yet reaped.
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
                return state is not ("Z" or "X");
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Fails the test unless the process is gone within <paramref name="timeout"/>.</summary>
    public static async Task WaitGoneAsync(int pid, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (IsRunning(pid))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Process {pid} is still running.");
            }

            await Task.Delay(50);
        }
    }
}
