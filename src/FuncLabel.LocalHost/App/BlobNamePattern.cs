using System.Text;
using System.Text.RegularExpressions;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// The blob-name half of a blob trigger's path (<c>{name}</c>, <c>images/{name}.png</c>, <c>{project}/{file}.ndjson</c>),
/// matched like the WebJobs binding templates: literal text must match exactly (case-sensitive), each <c>{parameter}</c>
/// matches any text (greedy, slashes included), <c>{{</c> and <c>}}</c> are literal braces; the captured values become
/// the invocation's binding data (e.g. <c>name</c>).
/// </summary>
internal sealed class BlobNamePattern
{
    private readonly string _text;
    private readonly Regex _regex;

    private BlobNamePattern(string text, Regex regex, IReadOnlyList<string> parameters)
    {
        _text = text;
        _regex = regex;
        Parameters = parameters;
    }

    public IReadOnlyList<string> Parameters { get; }

    public static BlobNamePattern? Parse(string text, out string? problem)
    {
        problem = null;
        var regex = new StringBuilder("^");
        var parameters = new List<string>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if ((c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c)
            {
                regex.Append(Regex.Escape(c.ToString()));
                i++;
            }
            else if (c == '{')
            {
                var close = text.IndexOf('}', i + 1);
                var name = close < 0 ? "" : text[(i + 1)..close];
                if (name.Length == 0 || !name.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') || parameters.Contains(name, StringComparer.OrdinalIgnoreCase))
                {
                    problem = $"'{{{name}' is not a parameter name (letters, digits, '_'; each once).";
                    return null;
                }

                parameters.Add(name);
                regex.Append("(?<").Append(name).Append(">.*)");
                i = close;
            }
            else if (c == '}')
            {
                problem = "an unmatched '}'.";
                return null;
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return new BlobNamePattern(text, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant), parameters);
    }

    /// <summary>The parameter values when <paramref name="blobName"/> matches; null when it does not.</summary>
    public IReadOnlyDictionary<string, string>? Match(string blobName)
    {
        var match = _regex.Match(blobName);
        return match.Success
            ? Parameters.ToDictionary(p => p, p => match.Groups[p].Value, StringComparer.OrdinalIgnoreCase)
            : null;
    }

    public override string ToString() => _text;
}
