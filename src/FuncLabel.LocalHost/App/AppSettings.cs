using System.Collections;
using System.Text;

namespace FuncLabel.LocalHost.App;

/// <summary>
/// The app settings the local host resolves <c>%Name%</c> references from and passes to the worker: the
/// <c>Values</c> of <c>local.settings.json</c> under the host's own environment. As with Core Tools, a variable
/// already set in the environment wins over the file, so a shell can override a setting for one run.
/// Names are compared case-insensitively, as the Functions host's configuration does.
/// </summary>
internal sealed class AppSettings
{
    private readonly Dictionary<string, string> _values;

    private AppSettings(Dictionary<string, string> values, IReadOnlyDictionary<string, string> fileValues)
    {
        _values = values;
        FileValues = fileValues;
    }

    /// <summary>The settings that came from the settings file (and are not in the environment): added to the worker's environment.</summary>
    public IReadOnlyDictionary<string, string> FileValues { get; }

    public static AppSettings Create(IDictionary environment, IReadOnlyDictionary<string, string> fileValues)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in fileValues)
        {
            values[name] = value;
        }

        var fromFile = new Dictionary<string, string>(fileValues, StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in environment)
        {
            if (entry is { Key: string name, Value: string value })
            {
                values[name] = value;
                fromFile.Remove(name);
            }
        }

        return new AppSettings(values, fromFile);
    }

    public static AppSettings FromProcess(IReadOnlyDictionary<string, string> fileValues) =>
        Create(Environment.GetEnvironmentVariables(), fileValues);

    public string? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Replaces every <c>%Name%</c> with its setting. Returns null and the first missing name when one does not
    /// resolve: a binding property that names a missing setting is a configuration error, as in the real host.
    /// <c>%%</c> stands for a literal percent sign.
    /// </summary>
    public string? Resolve(string text, out string? missing)
    {
        missing = null;
        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf('%', position);
            if (start < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            var end = text.IndexOf('%', start + 1);
            if (end < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, start - position);
            var name = text[(start + 1)..end];
            if (name.Length == 0)
            {
                result.Append('%');
            }
            else if (Get(name) is { } value)
            {
                result.Append(value);
            }
            else
            {
                missing = name;
                return null;
            }

            position = end + 1;
        }

        return result.ToString();
    }

    /// <summary>
    /// Expands <c>%Name%</c> the way the host expands the worker's arguments (<see cref="Environment.ExpandEnvironmentVariables"/>
    /// semantics): unknown names are left as written.
    /// </summary>
    public string ExpandLeavingUnknown(string text)
    {
        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var start = text.IndexOf('%', position);
            var end = start < 0 ? -1 : text.IndexOf('%', start + 1);
            if (end < 0)
            {
                result.Append(text, position, text.Length - position);
                break;
            }

            var name = text[(start + 1)..end];
            if (name.Length > 0 && Get(name) is { } value)
            {
                result.Append(text, position, start - position).Append(value);
                position = end + 1;
            }
            else
            {
                // Keep the first '%' and continue from the second, which may open a valid reference.
                result.Append(text, position, end - position);
                position = end;
            }
        }

        return result.ToString();
    }
}
