using System.Security.Cryptography;

namespace FuncLabel.Domain.Consensus;

/// <summary>A uuid derived deterministically from others (SHA-256 of their bytes, first 16 bytes, RFC 9562 version 8 bits).</summary>
internal static class DerivedUuid
{
    public static Guid From(IReadOnlyList<Guid> sources)
    {
        var bytes = new byte[16 * sources.Count];
        for (int i = 0; i < sources.Count; i++)
        {
            sources[i].TryWriteBytes(bytes.AsSpan(16 * i, 16), bigEndian: true, out _);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
