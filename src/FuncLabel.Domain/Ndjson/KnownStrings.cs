using System.Text;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Returns the ontology's own string instance for names and schema ids read from a line, so the common case (a known
/// class, question or option) allocates nothing; unknown values are allocated as usual and fail resolution later.
/// </summary>
internal sealed class KnownStrings
{
    private const int MaxPooledBytes = 256;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KnownStrings(Ontology ontology)
    {
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var @class in ontology.Classes)
        {
            Add(strings, @class);
        }

        _lookup = strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The string for unescaped UTF-8 <paramref name="utf8"/>: the known instance when there is one.</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length <= MaxPooledBytes)
        {
            Span<char> chars = stackalloc char[MaxPooledBytes];
            if (Encoding.UTF8.TryGetChars(utf8, chars, out var written) && _lookup.TryGetValue(chars[..written], out var known))
            {
                return known;
            }
        }

        return Encoding.UTF8.GetString(utf8);
    }

    private static void Add(Dictionary<string, string> strings, OntologyClass @class)
    {
        strings.TryAdd(@class.Name, @class.Name);
        strings.TryAdd(@class.SchemaId, @class.SchemaId);
        foreach (var nested in @class.Classifications)
        {
            Add(strings, nested);
        }

        foreach (var option in @class.Options)
        {
            strings.TryAdd(option.Name, option.Name);
            strings.TryAdd(option.SchemaId, option.SchemaId);
            foreach (var nested in option.Classifications)
            {
                Add(strings, nested);
            }
        }
    }
}
