using System.Security.Cryptography;
using System.Text;

namespace FuncLabel.Domain.Ingestion;

/// <summary>
/// A blob name in the <c>assets</c> (or <c>prelabels</c>) container split into the project (first segment) and the
/// path inside the project (the rest, possibly nested). The path is the asset's <c>globalKey</c>.
/// </summary>
public sealed record AssetPath(string ProjectId, string Path)
{
    public const int MaxPathLength = 1024;

    /// <summary>The blob name: <c>{projectId}/{path}</c>.</summary>
    public string BlobName => $"{ProjectId}/{Path}";

    /// <summary>Splits a blob name; null when there is no project segment or no path after it.</summary>
    public static AssetPath? FromBlobName(string blobName)
    {
        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == blobName.Length - 1 ? null : new AssetPath(blobName[..slash], blobName[(slash + 1)..]);
    }

    /// <summary>
    /// Whether an uploader-chosen path is acceptable: 1–1024 characters, relative, segments non-empty and not
    /// <c>.</c>/<c>..</c>, no backslash or control characters (they would make blob names and URLs ambiguous).
    /// </summary>
    public static bool IsValidPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path.Length > MaxPathLength || path.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in path)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        foreach (var segment in path.Split('/'))
        {
            if (segment.Length == 0 || segment is "." or "..")
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>
/// Ids made from external strings (docs/product.md, Identifiers and units: hashes, never containing <c>/</c>): base64url (no padding) of
/// the SHA-256 of the UTF-8 text, truncated to 22 characters (132 bits: collisions are negligible per project).
/// </summary>
public static class HashedIds
{
    public const int Length = 22;

    /// <summary>
    /// An asset's id: from its project and its path inside the project, so the same path always names the same asset of
    /// that project, and two projects that upload the same path get different ids. Asset ids key the <c>labels</c>
    /// partitions (pre-labels, task labels, consensus, template content), so they must never be shared between
    /// projects. Project ids cannot contain a newline, so the hashed text is unambiguous.
    /// </summary>
    public static string AssetId(string projectId, string path) => Of("asset\n" + projectId + "\n" + path);

    /// <summary>A pre-label annotation document's id on a data row.</summary>
    public static string AnnotationId(Guid uuid) => Of("uuid\n" + uuid.ToString("N"));

    /// <summary>The hash of a globalKey used in <c>pending</c> partition keys.</summary>
    public static string GlobalKey(string globalKey) => Of("key\n" + globalKey);

    public static string Of(string text)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..Length];
    }
}
