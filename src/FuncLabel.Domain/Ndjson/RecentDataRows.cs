using System.Text;
using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The data rows of recent lines, so that the lines of one data row (a file lists several annotations per asset,
/// usually together) share one <see cref="DataRowReference"/> and its string instead of allocating both per line.
/// </summary>
/// <remarks>
/// A direct-mapped table of <see cref="Slots"/> references, indexed by a hash of the id's or key's UTF-8 bytes: a
/// lookup compares one candidate, a miss replaces it, and the table never grows. Only non-empty ASCII values are kept
/// (the common case, compared without transcoding); anything else answers false and is read the general way.
/// </remarks>
internal sealed class RecentDataRows
{
    private const int Slots = 8192;
    private readonly DataRowReference?[] _rows = new DataRowReference?[Slots];

    /// <summary>The data row named by unescaped <paramref name="utf8"/> as an id (<paramref name="byId"/>) or a global key.</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, bool byId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out DataRowReference? row)
    {
        row = null;
        if (utf8.IsEmpty)
        {
            return false;
        }

        var hash = new HashCode();
        hash.AddBytes(utf8);
        hash.Add(byId);
        var slot = hash.ToHashCode() & (Slots - 1);
        row = _rows[slot];
        if (row is not null && (byId ? row.Id : row.GlobalKey) is { } known && Ascii.Equals(utf8, known))
        {
            return true;
        }

        if (!Ascii.IsValid(utf8))
        {
            row = null;
            return false;
        }

        var value = Encoding.ASCII.GetString(utf8);
        row = byId ? DataRowReference.ById(value) : DataRowReference.ByGlobalKey(value);
        _rows[slot] = row;
        return true;
    }
}
