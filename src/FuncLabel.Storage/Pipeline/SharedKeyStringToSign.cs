using System.Text;
using Azure.Core;

namespace FuncLabel.Storage.Pipeline;

/// <summary>
/// The SharedKey string-to-sign of a Blob or Queue request (version 2015-02-21 and later).
/// </summary>
/// <remarks>
/// Twelve standard header lines (verb, Content-Encoding, Content-Language, Content-Length — empty when 0 —,
/// Content-MD5, Content-Type, Date — always empty because <c>x-ms-date</c> is sent —, If-Modified-Since,
/// If-Match, If-None-Match, If-Unmodified-Since, Range), then every <c>x-ms-*</c> header lower-cased and sorted
/// as <c>name:value\n</c>, then the canonicalized resource: <c>/account</c> + the path exactly as sent on the
/// wire (so path-style Azurite URLs repeat the account) + one <c>\nname:value</c> line per query parameter,
/// names lower-cased and sorted, values URL-decoded, repeated names comma-joined.
/// Every header the request will carry must already be set: a header added after signing (for example a
/// default Content-Type) makes the service compute a different string and answer 403.
/// </remarks>
internal static class SharedKeyStringToSign
{
    public static string For(Request request, string accountName)
    {
        var text = new StringBuilder(256);
        text.Append(request.Method.Method).Append('\n');
        text.Append(Header(request, "Content-Encoding")).Append('\n');
        text.Append(Header(request, "Content-Language")).Append('\n');
        text.Append(ContentLength(request)).Append('\n');
        text.Append(Header(request, "Content-MD5")).Append('\n');
        text.Append(Header(request, "Content-Type")).Append('\n');
        text.Append('\n'); // Date: x-ms-date is signed instead.
        text.Append(Header(request, "If-Modified-Since")).Append('\n');
        text.Append(Header(request, "If-Match")).Append('\n');
        text.Append(Header(request, "If-None-Match")).Append('\n');
        text.Append(Header(request, "If-Unmodified-Since")).Append('\n');
        text.Append(Header(request, "Range")).Append('\n');
        AppendCanonicalizedHeaders(text, request);
        AppendCanonicalizedResource(text, request.Uri, accountName);
        return text.ToString();
    }

    private static string Header(Request request, string name) =>
        request.Headers.TryGetValue(name, out var value) ? value : string.Empty;

    private static string ContentLength(Request request)
    {
        if (request.Headers.TryGetValue("Content-Length", out var header))
        {
            return header == "0" ? string.Empty : header;
        }

        return request.Content is not null && request.Content.TryComputeLength(out var length) && length > 0
            ? length.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Empty;
    }

    private static void AppendCanonicalizedHeaders(StringBuilder text, Request request)
    {
        var headers = request.Headers
            .Where(h => h.Name.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
            .Select(h => (Name: h.Name.ToLowerInvariant(), Value: h.Value.Trim()))
            .OrderBy(h => h.Name, StringComparer.Ordinal);
        foreach (var (name, value) in headers)
        {
            text.Append(name).Append(':').Append(value).Append('\n');
        }
    }

    private static void AppendCanonicalizedResource(StringBuilder text, RequestUriBuilder uri, string accountName)
    {
        text.Append('/').Append(accountName).Append(uri.Path.Length == 0 ? "/" : uri.Path);
        var query = uri.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return;
        }

        var parameters = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]).ToLowerInvariant();
            var value = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            if (!parameters.TryGetValue(name, out var values))
            {
                parameters[name] = values = [];
            }

            values.Add(value);
        }

        foreach (var (name, values) in parameters)
        {
            values.Sort(StringComparer.Ordinal);
            text.Append('\n').Append(name).Append(':').Append(string.Join(',', values));
        }
    }
}
