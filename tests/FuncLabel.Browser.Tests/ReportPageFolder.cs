namespace FuncLabel.Browser.Tests;

/// <summary>
/// Where the rendered report pages and their screenshots go: <c>FUNCLABEL_REPORT_PAGES</c> when set, otherwise
/// <c>report-pages/</c> in the test binaries' folder (e.g. tests/FuncLabel.Browser.Tests/bin/Release/net10.0/report-pages,
/// or under the --artifacts-path). Kept after the run so a person can look at them.
/// </summary>
internal static class ReportPageFolder
{
    public static string Path { get; } = Create();

    /// <summary>Writes <paramref name="html"/> as <c>{name}.html</c> and returns its full path.</summary>
    public static string Write(string name, string html)
    {
        var file = System.IO.Path.Combine(Path, name + ".html");
        File.WriteAllText(file, html);
        return file;
    }

    private static string Create()
    {
        var folder = Environment.GetEnvironmentVariable("FUNCLABEL_REPORT_PAGES") is { Length: > 0 } configured
            ? configured
            : System.IO.Path.Combine(AppContext.BaseDirectory, "report-pages");
        return Directory.CreateDirectory(folder).FullName;
    }
}
