using System.Globalization;

namespace FuncLabel.Functions.Http;

/// <summary>
/// Query string values of HTTP functions (the worker binds route values, not the query). A value that is present but
/// malformed is a 400, as it was when the API bound them itself.
/// </summary>
internal static class QueryValues
{
    public static int? Int32(HttpRequest request, string name)
    {
        var value = request.Query[name].ToString();
        if (value.Length == 0)
        {
            return null;
        }

        return int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new BadHttpRequestException($"The query parameter '{name}' must be a whole number; it is '{value}'.", StatusCodes.Status400BadRequest);
    }

    public static string? Text(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value ? value : null;
}
