using System.Globalization;
using System.Text;

namespace FuncLabel.Domain.Ingestion;

/// <summary>
/// The order of pre-label writes across imports, so that the pre-label of the most recently uploaded file wins for a
/// (data row, uuid) however its events are delivered: late, twice, or a crashed run redone after a newer import.
/// </summary>
/// <remarks>
/// <para>A key is <c>{Last-Modified of the file, UTC ticks, 19 digits}.{the file's ETag, letters and digits}.{line number,
/// 12 digits}</c>. Keys compare ordinally as strings (what Cosmos does in a patch filter, so the store can write a line
/// only when the stored one is not newer, without reading it first).</para>
/// <para>Last-Modified is the time storage gives the file (second precision over HTTP). Two files written in the same
/// second are ordered by their ETags: arbitrary, but every delivery computes the same keys and so agrees on one winner
/// (in Azure the ETag is a time-derived hex string, which usually follows upload order too). The line number orders two
/// lines of one file that reach the same document (the reader rejects a uuid repeated for the same data row, but one
/// asset can be named by <c>id</c> on one line and by <c>globalKey</c> on another): the later line wins, where
/// concurrent writers would otherwise leave it to chance. A rerun
/// of the same file yields the same keys, and an equal key may rewrite (same content).</para>
/// </remarks>
public static class PrelabelOrder
{
    private const int MaxETagChars = 64;

    /// <summary>The part of every key shared by the lines of one file version.</summary>
    public static string ImportPrefix(DateTimeOffset lastModified, string blobETag)
    {
        var etag = new StringBuilder(Math.Min(blobETag.Length, MaxETagChars));
        foreach (var c in blobETag)
        {
            if (char.IsAsciiLetterOrDigit(c) && etag.Length < MaxETagChars)
            {
                etag.Append(c);
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{lastModified.UtcTicks:D19}.{(etag.Length == 0 ? "0" : etag)}");
    }

    /// <summary>The key of line <paramref name="lineNumber"/> of the file with <paramref name="importPrefix"/>.</summary>
    public static string ForLine(string importPrefix, long lineNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(lineNumber);
        return string.Create(CultureInfo.InvariantCulture, $"{importPrefix}.{lineNumber:D12}");
    }

    /// <summary>
    /// True when <paramref name="key"/> can be written inside a single-quoted query literal as it is: only ASCII letters,
    /// digits and dots. Every key made here is; stores check before building a filter from one.
    /// </summary>
    public static bool IsLiteralSafe(string key) => key.All(c => char.IsAsciiLetterOrDigit(c) || c == '.');

    /// <summary>True when a write with key <paramref name="incoming"/> may replace a document with key <paramref name="stored"/>.</summary>
    public static bool MayReplace(string incoming, string? stored) => string.CompareOrdinal(stored ?? "", incoming) <= 0;
}
