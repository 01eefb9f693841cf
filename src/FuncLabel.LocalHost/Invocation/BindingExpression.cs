using System.Globalization;
using System.Text;

namespace FuncLabel.LocalHost.Invocation;

/// <summary>
/// Resolves the <c>{…}</c> parts of an output binding's path at invocation time, like the host's binding templates:
/// trigger binding data (<c>{Id}</c>, <c>{DequeueCount}</c>, and top-level properties of a JSON queue message such as
/// <c>{orderId}</c>), <c>{rand-guid}</c>, <c>{DateTime}</c> and the <c>sys</c> values. Names are case-insensitive.
/// <c>%Setting%</c> parts were resolved when the app folder was loaded.
/// </summary>
internal static class BindingExpression
{
    public static string? Resolve(string template, string functionName, IReadOnlyDictionary<string, string> bindingData, DateTimeOffset now, out string? unknown)
    {
        unknown = null;
        var result = new StringBuilder(template.Length);
        var position = 0;
        while (position < template.Length)
        {
            var open = template.IndexOf('{', position);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, position, template.Length - position);
                break;
            }

            result.Append(template, position, open - position);
            var name = template[(open + 1)..close];
            var value = name.ToLowerInvariant() switch
            {
                "rand-guid" or "sys.randguid" => Guid.NewGuid().ToString(),
                "datetime" or "sys.utcnow" => now.UtcDateTime.ToString("yyyy-MM-dd'T'HH-mm-ss'Z'", CultureInfo.InvariantCulture),
                "sys.methodname" => functionName,
                _ => bindingData.TryGetValue(name, out var data) ? data : null,
            };
            if (value is null)
            {
                unknown = name;
                return null;
            }

            result.Append(value);
            position = close + 1;
        }

        return result.ToString();
    }
}
