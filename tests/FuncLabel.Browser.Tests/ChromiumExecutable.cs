namespace FuncLabel.Browser.Tests;

/// <summary>
/// Where the system Chromium is. Playwright's own browser download is unavailable here, so the tests drive Debian's
/// <c>chromium</c> package through its executable path: <c>FUNCLABEL_CHROMIUM</c> when set, otherwise the first
/// <c>chromium</c> or <c>chromium-browser</c> on the PATH.
/// </summary>
internal static class ChromiumExecutable
{
    public static string? Path { get; } = Find();

    /// <summary>True on a CI machine (<c>CI=true</c>), where a missing browser is a failure, never a skip.</summary>
    public static bool IsCi { get; } = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public const string InstallHint = "install it with `apt-get install -y chromium` (scripts/test.sh does this) or set FUNCLABEL_CHROMIUM";

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("FUNCLABEL_CHROMIUM") is { Length: > 0 } configured)
        {
            return configured;
        }

        var directories = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return (from name in new[] { "chromium", "chromium-browser" }
                from directory in directories
                let candidate = System.IO.Path.Combine(directory, name)
                where File.Exists(candidate)
                select candidate).FirstOrDefault();
    }
}
