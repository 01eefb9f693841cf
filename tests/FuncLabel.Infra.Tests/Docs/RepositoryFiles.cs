using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests.Docs;

/// <summary>
/// The repository's files as Git sees them — tracked, plus new ones not ignored — as repository-relative paths with
/// <c>/</c>; so build output, node_modules and local run folders (all in .gitignore) are never read.
/// </summary>
internal static class RepositoryFiles
{
    public static async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var listed = await ProcessRun.RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"], RepoPaths.Root, cancellationToken);
        Assert.True(listed.ExitCode == 0, "git ls-files failed: " + listed);

        // A file deleted in the work tree but not yet from the index is still listed by --cached.
        return listed.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Where(f => File.Exists(RepoPaths.Of(f)))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The file's text, or null when it is binary (a NUL byte in its first 8 KB).</summary>
    public static async Task<string?> ReadTextAsync(string file, CancellationToken cancellationToken)
    {
        var bytes = await File.ReadAllBytesAsync(RepoPaths.Of(file), cancellationToken);
        return bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).Contains((byte)0) ? null : System.Text.Encoding.UTF8.GetString(bytes);
    }
}
