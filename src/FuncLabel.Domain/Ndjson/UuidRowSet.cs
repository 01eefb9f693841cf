namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The (uuid, data-row hash) pairs a pre-label file has used so far, for its duplicate check: a set that grows by
/// extendible hashing, so it never copies its entries into a larger table.
/// </summary>
/// <remarks>
/// <para>A directory indexed by the low bits of each pair's hash points to buckets of <see cref="BucketSize"/> entries
/// (several slots of the directory may share a bucket). A full bucket splits in two by one more hash bit, and only the
/// directory (one reference per slot) doubles when a bucket already uses every bit it has. The buckets stay about 70 %
/// full, so the set costs about 35 bytes per entry in all, where a hash table that doubles and rehashes allocates every
/// size it passes through (about 125 bytes per entry at 20,000 entries, measured).</para>
/// <para>A lookup scans one bucket; misses, the common case, compare the row hashes of at most
/// <see cref="BucketSize"/> entries. The hash is <see cref="HashCode"/>'s, seeded per process, so a file cannot be
/// crafted to fill one bucket; should it happen anyway (more than <see cref="BucketSize"/> pairs with one hash), the
/// bucket grows past its size instead of splitting forever.</para>
/// </remarks>
internal sealed class UuidRowSet
{
    private const int BucketSize = 16;
    private const int MaxDepth = 22;

    private Bucket[] _directory = [new Bucket(0)];
    private int _depth;

    public int Count { get; private set; }

    public bool Contains(Guid uuid, int row) => Contains(_directory[HashOf(uuid, row) & ((1 << _depth) - 1)], uuid, row, HashOf(uuid, row));

    /// <summary>Adds the pair; false (and nothing added) when it is already there.</summary>
    public bool TryAdd(Guid uuid, int row)
    {
        int hash = HashOf(uuid, row);
        Bucket bucket = _directory[hash & ((1 << _depth) - 1)];
        if (Contains(bucket, uuid, row, hash))
        {
            return false;
        }

        while (true)
        {
            if (bucket.Count < bucket.Entries.Length)
            {
                bucket.Entries[bucket.Count++] = new Entry(uuid, row, hash);
                Count++;
                return true;
            }

            if (bucket.Depth == MaxDepth)
            {
                Array.Resize(ref bucket.Entries, 2 * bucket.Entries.Length);
                continue;
            }

            Split(bucket, hash);
            bucket = _directory[hash & ((1 << _depth) - 1)];
        }
    }

    private static bool Contains(Bucket bucket, Guid uuid, int row, int hash)
    {
        foreach (ref readonly Entry entry in bucket.Entries.AsSpan(0, bucket.Count))
        {
            if (entry.Hash == hash && entry.Row == row && entry.Uuid == uuid)
            {
                return true;
            }
        }

        return false;
    }

    private static int HashOf(Guid uuid, int row) => HashCode.Combine(uuid, row);

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
            Entry entry = bucket.Entries[i];
            if ((entry.Hash & bit) != 0)
            {
                upper.Entries[upper.Count++] = entry;
            }
            else
            {
                bucket.Entries[kept++] = entry;
            }
        }

        bucket.Count = kept;
        for (int slot = (hash & (bit - 1)) | bit; slot < _directory.Length; slot += bit << 1)
        {
            _directory[slot] = upper;
        }
    }

    /// <summary>A pair with its hash, kept so that splits and lookups need not hash stored pairs again.</summary>
    private readonly record struct Entry(Guid Uuid, int Row, int Hash);

    private sealed class Bucket(int depth)
    {
        public Entry[] Entries = new Entry[BucketSize];
        public int Count;
        public int Depth = depth;
    }
}
