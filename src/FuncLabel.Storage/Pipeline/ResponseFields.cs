using System.Globalization;
using Azure;
using FuncLabel.Storage.Models;

namespace FuncLabel.Storage.Pipeline;

/// <summary>Reads blob properties and dates from response headers.</summary>
internal static class ResponseFields
{
    private const string MetadataPrefix = "x-ms-meta-";

    public static DateTimeOffset ParseHttpDate(string value) =>
        DateTimeOffset.ParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static ETag ETagOf(Response response) =>
        response.Headers.ETag ?? throw new RequestFailedException(response.Status, "The response has no ETag header.");

    public static DateTimeOffset Date(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value)
            ? ParseHttpDate(value)
            : throw new RequestFailedException(response.Status, $"The response has no {name} header.");

    public static BlobContentInfo ContentInfo(Response response) => new(ETagOf(response), Date(response, "Last-Modified"));

    /// <summary>
    /// Properties from a HEAD or GET response. For a range GET, the blob's length is the total after the slash of
    /// <c>Content-Range: bytes 0-1023/4096</c>; otherwise it is Content-Length.
    /// </summary>
    public static BlobProperties Properties(Response response)
    {
        var length = response.Headers.ContentLengthLong ?? 0;
        if (response.Headers.TryGetValue("Content-Range", out var range) &&
            long.TryParse(range.AsSpan(range.LastIndexOf('/') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            length = total;
        }

        DateTimeOffset? created = response.Headers.TryGetValue("x-ms-creation-time", out var createdText) ? ParseHttpDate(createdText) : null;
        return new BlobProperties(
            ETagOf(response), length, response.Headers.ContentType, Date(response, "Last-Modified"), created, Metadata(response));
    }

    private static IReadOnlyDictionary<string, string> Metadata(Response response)
    {
        var metadata = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers)
        {
            if (header.Name.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            {
                metadata[header.Name[MetadataPrefix.Length..]] = header.Value;
            }
        }

        return metadata;
    }
}
