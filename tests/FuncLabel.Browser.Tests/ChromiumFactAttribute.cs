namespace FuncLabel.Browser.Tests;

/// <summary>
/// A test that needs Chromium. On a developer machine without it the test is skipped with the install command; on
/// CI (<c>CI=true</c>) it always runs, so a missing browser fails the suite instead of letting it pass silently.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (ChromiumExecutable.Path is null && !ChromiumExecutable.IsCi)
        {
            Skip = $"chromium not found: {ChromiumExecutable.InstallHint}";
        }
    }
}
