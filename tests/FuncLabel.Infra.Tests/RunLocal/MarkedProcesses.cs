using System.Runtime.Versioning;

namespace FuncLabel.Infra.Tests.RunLocal;

/// <summary>
/// The running processes whose environment holds a marker variable. A process inherits its parent's environment, so
/// a marker given to a script is carried by everything it starts, directly or not, whatever process group or session
/// it moves to; that makes "the processes the script started" countable without knowing what they are.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class MarkedProcesses
{
    public static IReadOnlyList<MarkedProcess> Find(string name, string value)
    {
        var entry = $"{name}={value}";
        var found = new List<MarkedProcess>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                // A zombie has an empty environment: it has exited and only waits to be reaped, so it does not count.
                var environment = File.ReadAllText(Path.Combine(folder, "environ")).Split('\0');
                if (environment.Contains(entry, StringComparer.Ordinal))
                {
                    found.Add(new MarkedProcess(pid, File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ').Trim()));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile, or another user's process (never one of ours).
            }
        }

        return found;
    }
}

/// <summary>A running process and its command line.</summary>
internal sealed record MarkedProcess(int Pid, string CommandLine)
{
    public override string ToString() => $"{Pid} {CommandLine}";
}
