using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Decides whether a mask <c>instanceURI</c> points into the project's <c>prelabels</c> area and, if so, which blob.
/// </summary>
/// <remarks>
/// Accepted: (1) an absolute URL that starts with one of <see cref="NdjsonReaderOptions.PrelabelsContainerUris"/> and
/// continues with <c>{projectId}/</c> — the blob path is the unescaped rest (query strings such as SAS tokens are
/// ignored: the caller reads with its own credentials); (2) a relative reference without scheme, taken relative to the
/// project's folder (<c>masks/a.png</c> → <c>{projectId}/masks/a.png</c>). Refused as <c>external_url</c>: any other
/// host, scheme or container, another project's folder, and any <c>..</c> or empty path segment (which could climb out of the
/// project's folder). Nothing is ever fetched here.
/// </remarks>
internal static class MaskUriPolicy
{
    public static bool TryResolve(string uri, NdjsonReaderOptions options, out string blobPath, out string reason)
    {
        blobPath = string.Empty;
        if (Uri.TryCreate(uri, UriKind.Absolute, out var absolute) && absolute.Scheme is not null && uri.Contains(':', StringComparison.Ordinal))
        {
            foreach (var container in options.PrelabelsContainerUris)
            {
                var prefix = container.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/";
                var target = absolute.GetLeftPart(UriPartial.Path);
                if (target.StartsWith(prefix, StringComparison.Ordinal))
                {
                    var rest = Uri.UnescapeDataString(target[prefix.Length..]);
                    if (rest.StartsWith(options.ProjectId + "/", StringComparison.Ordinal) && IsSafe(rest))
                    {
                        blobPath = rest;
                        reason = string.Empty;
                        return true;
                    }

                    reason = $"The mask must lie under prelabels/{options.ProjectId}/.";
                    return false;
                }
            }

            reason = "Masks are read only from the project's prelabels area; external URLs are not fetched.";
            return false;
        }

        var relative = uri.TrimStart('/');
        if (relative.Length == 0 || !IsSafe(relative) || relative.Contains('?', StringComparison.Ordinal) || relative.Contains(':', StringComparison.Ordinal))
        {
            reason = "A relative mask reference is a plain path inside the project's prelabels folder.";
            return false;
        }

        blobPath = $"{options.ProjectId}/{relative}";
        reason = string.Empty;
        return true;
    }

    private static bool IsSafe(string path)
    {
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..")
            {
                return false;
            }
        }

        return !path.Contains('\\', StringComparison.Ordinal);
    }

    public static MaskBlobReference Reference(string blobPath, RgbColor color) => new(blobPath, color);
}
