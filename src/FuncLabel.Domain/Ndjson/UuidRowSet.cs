using System.Runtime.InteropServices;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The (uuid, data-row hash) pairs a pre-label file has used so far, for its duplicate check: a set that grows by
/// extendible hashing, so it never copies its entries into a larger table.
/// </summary>
/// <remarks>
/// <para>Each pair is kept as one 16-byte key: the uuid's bits XOR an expansion of the row hash. The expansion is
/// injective (two multiplications by odd constants), so two pairs with the same uuid have the same key exactly when
/// their row hashes are equal — the rule of this check before it was compacted. Two different uuids collide only if
/// their XOR equals the XOR of two row hashes' expansions; the row hashes are <see cref="HashCode"/>-seeded per
/// process, so a file cannot aim for that, and by chance it is as likely as two random 128-bit values agreeing.</para>
/// <para>A directory indexed by the low bits of each key's hash points to buckets of <see cref="BucketSize"/> keys
/// (several slots of the directory may share a bucket). A full bucket splits in two by one more hash bit, and only the
/// directory (one reference per slot) doubles when a bucket already uses every bit it has. Buckets stay about 70 %
/// full, so the set costs about 25 bytes per pair in all, where a hash table that doubles and rehashes allocates every
/// size it passes through (about 125 bytes per pair at 20,000 pairs, measured).</para>
/// <para>The hash is <see cref="HashCode"/>'s, seeded per process, so a file cannot be crafted to fill one bucket;
/// should it happen anyway (more than <see cref="BucketSize"/> keys with one hash), the bucket grows past its size
/// instead of splitting forever.</para>
/// </remarks>
internal sealed class UuidRowSet
{
    private const int BucketSize = 64;
    private const int MaxDepth = 22;

    private Bucket[] _directory = [new Bucket(0)];
    private int _depth;

    public int Count { get; private set; }

    public bool Contains(Guid uuid, int row)
    {
        var key = KeyOf(uuid, row);
        return Contains(_directory[HashOf(key) & ((1 << _depth) - 1)], key);
    }

    /// <summary>Adds the pair; false (and nothing added) when it is already there.</summary>
    public bool TryAdd(Guid uuid, int row)
    {
        var key = KeyOf(uuid, row);
        int hash = HashOf(key);
        Bucket bucket = _directory[hash & ((1 << _depth) - 1)];
        if (Contains(bucket, key))
        {
            return false;
        }

        while (true)
        {
            if (bucket.Count < bucket.Keys.Length)
            {
                bucket.Keys[bucket.Count++] = key;
                Count++;
                return true;
            }

            if (bucket.Depth == MaxDepth)
            {
                Array.Resize(ref bucket.Keys, 2 * bucket.Keys.Length);
                continue;
            }

            Split(bucket, hash);
            bucket = _directory[hash & ((1 << _depth) - 1)];
        }
    }

    private static Key KeyOf(Guid uuid, int row)
    {
        var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<Guid>(in uuid));
        ulong expanded = unchecked((uint)row);
        return new Key(
            MemoryMarshal.Read<ulong>(bytes) ^ unchecked(expanded * 0x9E3779B97F4A7C15UL),
            MemoryMarshal.Read<ulong>(bytes[8..]) ^ unchecked(expanded * 0xC2B2AE3D27D4EB4FUL));
    }

    private static int HashOf(Key key) => HashCode.Combine(key.Low, key.High);

    private static bool Contains(Bucket bucket, Key key)
    {
        foreach (ref readonly Key stored in bucket.Keys.AsSpan(0, bucket.Count))
        {
            if (stored.Low == key.Low && stored.High == key.High)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a full bucket by the next hash bit, doubling the directory first if the bucket uses all its bits.</summary>
    private void Split(Bucket bucket, int hash)
    {
        if (bucket.Depth == _depth)
        {
            var doubled = new Bucket[2 * _directory.Length];
            _directory.CopyTo(doubled, 0);
            _directory.CopyTo(doubled, _directory.Length);
            _directory = doubled;
            _depth++;
        }

        int bit = 1 << bucket.Depth;
        var upper = new Bucket(bucket.Depth + 1);
        bucket.Depth++;
        int kept = 0;
        for (int i = 0; i < bucket.Count; i++)
        {
            Key key = bucket.Keys[i];
            if ((HashOf(key) & bit) != 0)
            {
                upper.Keys[upper.Count++] = key;
            }
            else
            {
                bucket.Keys[kept++] = key;
            }
        }

        bucket.Count = kept;
        for (int slot = (hash & (bit - 1)) | bit; slot < _directory.Length; slot += bit << 1)
        {
            _directory[slot] = upper;
        }
    }

    private readonly record struct Key(ulong Low, ulong High);

    private sealed class Bucket(int depth)
    {
        public Key[] Keys = new Key[BucketSize];
        public int Count;
        public int Depth = depth;
    }
}
