using System.Text.RegularExpressions;

namespace FuncLabel.Infra.Tests.Docs;

/// <summary>
/// The Markdown files (<c>*.md</c>) a text names — in a comment, a script, a document — and whether each is in the
/// repository. A name with a folder (<c>docs/local-host.md</c>, or one starting with <c>../</c>) must be a file relative
/// to the naming file's folder or to the repository root, or the end of a repository path (<c>results/startup.md</c> in
/// the bench folder); a bare name (<c>startup.md</c>) must be the name of some file in the repository. Web addresses are not
/// files of this repository, and a name in square brackets is a usage placeholder (<c>[REPORT.md]</c>), not a file.
/// </summary>
internal sealed partial class MarkdownMentions(IReadOnlyCollection<string> repositoryFiles)
{
    private readonly HashSet<string> _files = repositoryFiles.ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _names = repositoryFiles.Select(f => f[(f.LastIndexOf('/') + 1)..]).ToHashSet(StringComparer.Ordinal);

    /// <summary>The names in <paramref name="text"/> (the content of repository file <paramref name="path"/>) that are not in the repository.</summary>
    public IEnumerable<(int Line, string Name)> Missing(string path, string text)
    {
        var withoutUrls = Url().Replace(text, m => new string(' ', m.Length));
        var folder = path.Contains('/', StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : "";
        foreach (Match mention in Mention().Matches(withoutUrls))
        {
            var placeholder = mention.Index > 0 && withoutUrls[mention.Index - 1] == '['
                && mention.Index + mention.Length < withoutUrls.Length && withoutUrls[mention.Index + mention.Length] == ']';
            if (!placeholder && !Exists(folder, mention.Value))
            {
                yield return (1 + withoutUrls.AsSpan(0, mention.Index).Count('\n'), mention.Value);
            }
        }
    }

    private bool Exists(string folder, string name)
    {
        if (!name.Contains('/', StringComparison.Ordinal))
        {
            return _names.Contains(name);
        }

        return Normalize(folder.Length == 0 ? name : folder + "/" + name) is { } fromFolder && _files.Contains(fromFolder)
            || Normalize(name) is { } fromRoot && _files.Contains(fromRoot)
            || !name.StartsWith("../", StringComparison.Ordinal) && _files.Any(f => f.EndsWith("/" + name.TrimStart('.', '/'), StringComparison.Ordinal));
    }

    /// <summary>A repository-relative path without <c>.</c> and <c>..</c> segments; null when it leaves the repository.</summary>
    private static string? Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }

                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return string.Join('/', parts);
    }

    [GeneratedRegex(@"(?<![\w./-])(?:\.{1,2}/)*(?:[\w.-]+/)*[\w.-]*\w\.md(?!\w)")]
    private static partial Regex Mention();

    [GeneratedRegex(@"\b[a-z][a-z0-9+.-]*://[^\s)>\]""'`]+", RegexOptions.IgnoreCase)]
    private static partial Regex Url();
}
