namespace FuncLabel.Infra.Tests.Docs;

/// <summary>
/// Comments, scripts and documents point only at Markdown files that are in this repository: a pointer to a file kept
/// somewhere else (a planning folder, another checkout) leaves the reader of a clone with nothing to read.
/// </summary>
public sealed class MarkdownReferenceTests
{
    [Fact]
    public async Task EveryMarkdownFileNamedInTheRepository_IsInTheRepository()
    {
        var files = await RepositoryFiles.ListAsync(CancellationToken.None);
        var mentions = new MarkdownMentions(files);

        var missing = new List<string>();
        foreach (var file in files)
        {
            if (await RepositoryFiles.ReadTextAsync(file, CancellationToken.None) is { } text)
            {
                missing.AddRange(mentions.Missing(file, text).Select(m => $"{file}:{m.Line}: {m.Name}"));
            }
        }

        Assert.True(files.Count > 100 && files.Contains("docs/architecture.md"), $"only {files.Count} files listed: is this the repository?");
        Assert.True(missing.Count == 0, "named but not in the repository:\n" + string.Join('\n', missing));
    }

    [Fact]
    public void Mentions_OutsideTheRepository_AreFound()
    {
        // The absent names are built from parts, so that this file itself names no absent file.
        string Absent(string stem) => stem + ".md";
        var mentions = new MarkdownMentions(["docs/architecture.md", "bench/README.md", "bench/results/startup.md", "src/A.cs"]);
        var text = $"""
            /// as {Absent("DESIGN")} asks (§2); see shared/{Absent("COSMOS-EMULATOR")} and ../shared/{Absent("ENVIRONMENT")}
            /// fine: docs/architecture.md, results/startup.md, startup.md, {"../"}docs/architecture.md
            /// not files: https://github.com/a/b/blob/main/{Absent("NOTES")}, usage: tool [{Absent("OUTPUT")}]
            """;

        var missing = mentions.Missing("src/A.cs", text).ToList();

        Assert.Equal(
            [(1, Absent("DESIGN")), (1, "shared/" + Absent("COSMOS-EMULATOR")), (1, "../shared/" + Absent("ENVIRONMENT"))],
            missing);
    }
}
