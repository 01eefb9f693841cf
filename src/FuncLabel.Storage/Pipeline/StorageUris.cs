using System.Net;

namespace FuncLabel.Storage.Pipeline;

/// <summary>Builds resource URIs under a service endpoint, escaping names the way the service canonicalizes them.</summary>
internal static class StorageUris
{
    /// <summary>
    /// <paramref name="endpoint"/> + <c>/</c> + each segment percent-encoded (RFC 3986 unreserved characters kept,
    /// UTF-8 for the rest) and joined with <c>/</c>, so a blob name with spaces, unicode or nested folders
    /// becomes one path whose encoded form is both what is sent and what SharedKey signs.
    /// </summary>
    public static Uri Append(Uri endpoint, params string[] names)
    {
        var path = string.Join('/', names.SelectMany(n => n.Split('/')).Select(Uri.EscapeDataString));
        return new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + path);
    }

    /// <summary>
    /// The account an endpoint belongs to: the first path segment for path-style endpoints (an IP address or
    /// localhost, as with Azurite), otherwise the first label of the host (<c>{account}.blob.core.windows.net</c>).
    /// </summary>
    public static string AccountNameOf(Uri endpoint)
    {
        var pathStyle = endpoint.IsLoopback || IPAddress.TryParse(endpoint.Host, out _);
        return pathStyle
            ? endpoint.AbsolutePath.Trim('/').Split('/')[0]
            : endpoint.Host.Split('.')[0];
    }
}
