using System.Security.Cryptography;
using System.Text;

namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// Generates schema ids for ontology entries the owner did not give one.
/// </summary>
/// <remarks>
/// Generation is deterministic: <c>"c" + base32(SHA-256(parentSchemaId + "\n" + kind + "\n" + name))[..24]</c>,
/// lower case, 25 characters like Labelbox's cuids. The same draft submitted twice therefore yields the same ids,
/// which keeps a retried <c>PUT ontology</c> idempotent. Ids are immutable once assigned: <see cref="OntologyBuilder"/>
/// first reuses the previous version's id of a sibling with the same name and tool and only derives a new one when
/// there is none, so a stored id is never recomputed. A rename of an entry submitted without its id is therefore a
/// remove plus an add, which <see cref="OntologyDiff"/> reports as such.
/// </remarks>
public static class SchemaIds
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>The id for an entry named <paramref name="name"/> of <paramref name="kind"/> under <paramref name="parentSchemaId"/>
    /// (empty for top-level classes).</summary>
    public static string Derive(string parentSchemaId, string kind, string name)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{parentSchemaId}\n{kind}\n{name}"), hash);
        var chars = new char[25];
        chars[0] = 'c';
        var bitBuffer = 0;
        var bitCount = 0;
        var hashIndex = 0;
        for (var i = 1; i < chars.Length; i++)
        {
            if (bitCount < 5)
            {
                bitBuffer = (bitBuffer << 8) | hash[hashIndex++];
                bitCount += 8;
            }

            bitCount -= 5;
            chars[i] = Alphabet[(bitBuffer >> bitCount) & 31];
        }

        return new string(chars);
    }
}
