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
/// <para>A directory indexed by the low bits of each key's hash points to buckets of <see cref="BucketSize"/> slots
/// (several slots of the directory may share a bucket). Inside a bucket a key sits at the slot named by the top bits of
/// its hash, or the next free one after it (linear probing, occupancy in one 64-bit mask), so a lookup compares one or
/// two keys instead of scanning the bucket. A bucket splits in two by one more hash bit when it holds
/// <see cref="SplitAt"/> keys, and only the directory (one reference per slot) doubles when a bucket already uses every
/// bit it has. Buckets stay about 55 % full, so the set costs about 30 bytes per pair in all, where a hash table that
/// doubles and rehashes allocates every size it passes through (about 125 bytes per pair at 20,000 pairs, measured).</para>
/// <para>The hash is <see cref="HashCode"/>'s, seeded per process, so a file cannot be crafted to fill one bucket;
/// should it happen anyway (more than <see cref="SplitAt"/> keys whose hashes agree in every directory bit), the
/// bucket keeps further keys in an overflow array searched in full instead of splitting forever.</para>
/// </remarks>
internal sealed class UuidRowSet
{
    private const int BucketSize = 64;

    /// <summary>Keys a bucket holds before it splits: 75 % of its slots, which keeps probe runs short.</summary>
    private const int SplitAt = 48;

    private const int SlotShift = 26;

    private readonly int _maxDepth;
    private Bucket[] _directory = [new Bucket(0)];
    private int _depth;

    /// <param name="maxDepth">Most hash bits the directory uses (at most 26, below the bits that pick a slot); tests
    /// lower it to reach the overflow arrays.</param>
    public UuidRowSet(int maxDepth = 22)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxDepth, SlotShift);
        _maxDepth = maxDepth;
    }

    public int Count { get; private set; }

    public bool Contains(Guid uuid, int row)
    {
        var key = KeyOf(uuid, row);
        var hash = HashOf(key);
        return Find(_directory[hash & ((1 << _depth) - 1)], key, hash) < 0;
    }

    /// <summary>Adds the pair; false (and nothing added) when it is already there.</summary>
    public bool TryAdd(Guid uuid, int row)
    {
        var key = KeyOf(uuid, row);
        var hash = HashOf(key);
        var bucket = _directory[hash & ((1 << _depth) - 1)];
        var slot = Find(bucket, key, hash);
        if (slot < 0)
        {
            return false;
        }

        while (bucket.Count >= SplitAt && bucket.Depth < _maxDepth)
        {
            Split(bucket, hash);
            bucket = _directory[hash & ((1 << _depth) - 1)];
            slot = Find(bucket, key, hash);
        }

        if (bucket.Count < SplitAt)
        {
            Place(bucket, key, slot);
        }
        else
        {
            bucket.AddOverflow(key);
        }

        Count++;
        return true;
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

    /// <summary>The free slot where <paramref name="key"/> would go, or -1 when the bucket holds it already.</summary>
    private static int Find(Bucket bucket, Key key, int hash)
    {
        var slot = (int)(unchecked((uint)hash) >> SlotShift);
        while ((bucket.Used & (1UL << slot)) != 0)
        {
            ref readonly var stored = ref bucket.Keys[slot];
            if (stored.Low == key.Low && stored.High == key.High)
            {
                return -1;
            }

            slot = (slot + 1) & (BucketSize - 1);
        }

        if (bucket.Overflow is { } overflow)
        {
            foreach (ref readonly var stored in overflow.AsSpan(0, bucket.OverflowCount))
            {
                if (stored.Low == key.Low && stored.High == key.High)
                {
                    return -1;
                }
            }
        }

        return slot;
    }

    private static void Place(Bucket bucket, Key key, int slot)
    {
        bucket.Keys[slot] = key;
        bucket.Used |= 1UL << slot;
        bucket.Count++;
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

        // The keys are placed again from scratch: a key that stays may now sit after a slot that emptied, where a
        // lookup that stops at the first free slot would miss it.
        Span<Key> keys = stackalloc Key[BucketSize];
        var count = 0;
        for (var used = bucket.Used; used != 0; used &= used - 1)
        {
            keys[count++] = bucket.Keys[System.Numerics.BitOperations.TrailingZeroCount(used)];
        }

        bucket.Used = 0;
        bucket.Count = 0;
        foreach (var key in keys[..count])
        {
            var keyHash = HashOf(key);
            var target = (keyHash & bit) != 0 ? upper : bucket;
            Place(target, key, Find(target, key, keyHash));
        }

        for (int slot = (hash & (bit - 1)) | bit; slot < _directory.Length; slot += bit << 1)
        {
            _directory[slot] = upper;
        }
    }

    private readonly record struct Key(ulong Low, ulong High);

    private sealed class Bucket(int depth)
    {
        public readonly Key[] Keys = new Key[BucketSize];
        public ulong Used;
        public int Count;
        public int Depth = depth;
        public Key[]? Overflow;
        public int OverflowCount;

        /// <summary>A key past <see cref="SplitAt"/> in a bucket that cannot split (every directory bit agrees).</summary>
        public void AddOverflow(Key key)
        {
            Overflow ??= new Key[BucketSize];
            if (OverflowCount == Overflow.Length)
            {
                Array.Resize(ref Overflow, 2 * OverflowCount);
            }

            Overflow[OverflowCount++] = key;
        }
    }
}
