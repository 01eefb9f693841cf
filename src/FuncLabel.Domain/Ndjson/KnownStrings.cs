using System.Text;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Returns the ontology's own string instance for names and schema ids read from a line, so the common case (a known
/// class, question or option) allocates nothing; unknown values are allocated as usual and fail resolution later.
/// </summary>
/// <remarks>
/// The table is keyed by the UTF-8 bytes of each known string and looked up with the token's bytes as they sit in
/// the line, so a hit neither transcodes to UTF-16 nor hashes twice, and needs no UTF-8 validation (a key's bytes
/// came from a string). Only unescaped tokens come here; a miss is validated and transcoded by the caller
/// (<see cref="NdjsonLineParser"/>, which sends escaped tokens through <see cref="JsonStrings.TryGet"/>).
/// </remarks>
internal sealed class KnownStrings
{
    /// <summary>Longer tokens (inline PNG masks) skip the lookup; a known string that long is still read, just allocated.</summary>
    private const int MaxKnownBytes = 256;

    private readonly Dictionary<byte[], string>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    public KnownStrings(Ontology ontology)
    {
        var strings = new Dictionary<byte[], string>(Utf8KeyComparer.Instance);
        foreach (var @class in ontology.Classes)
        {
            Add(strings, @class);
        }

        _lookup = strings.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The known instance for <paramref name="utf8"/>, if there is one (null otherwise).</summary>
    public bool TryGet(ReadOnlySpan<byte> utf8, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? known)
    {
        known = null;
        return utf8.Length <= MaxKnownBytes && _lookup.TryGetValue(utf8, out known);
    }

    private static void Add(Dictionary<byte[], string> strings, OntologyClass @class)
    {
        Add(strings, @class.Name);
        Add(strings, @class.SchemaId);
        foreach (var nested in @class.Classifications)
        {
            Add(strings, nested);
        }

        foreach (var option in @class.Options)
        {
            Add(strings, option.Name);
            Add(strings, option.SchemaId);
            foreach (var nested in option.Classifications)
            {
                Add(strings, nested);
            }
        }
    }

    private static void Add(Dictionary<byte[], string> strings, string text) => strings.TryAdd(Encoding.UTF8.GetBytes(text), text);

    /// <summary>Byte-wise equality and hashing of UTF-8 keys, for both stored arrays and spans of a line.</summary>
    private sealed class Utf8KeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static Utf8KeyComparer Instance { get; } = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => GetHashCode(obj.AsSpan());

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(alternate);
            return hash.ToHashCode();
        }

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
    }
}
