using System.Globalization;

namespace FuncLabel.Functions.Validation;

/// <summary>
/// API ETags are the resource's version (<c>"7"</c>), not Cosmos's <c>_etag</c>: clearing an outbox after a write
/// changes the latter but not the resource, and clients must not see a spurious 412 for it.
/// </summary>
internal static class Versions
{
    public static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>True when the request has no If-Match, or one that names <paramref name="version"/> (or <c>*</c>).</summary>
    public static bool IfMatchAllows(HttpRequest request, long version)
    {
        var header = request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        var expected = ETag(version);
        return header.Split(',').Select(v => v.Trim()).Any(v => v == "*" || v == expected || v == "W/" + expected);
    }

    public static void SetETag(HttpResponse response, long version) => response.Headers.ETag = ETag(version);
}
