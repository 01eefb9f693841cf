using FsCheck.Xunit;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>The duplicate check's set against <see cref="HashSet{T}"/> of the same pairs, through many bucket splits,
/// and with a directory too shallow to split further (keys in overflow arrays).</summary>
public sealed class UuidRowSetProperties
{
    [Property(MaxTest = 30)]
    public bool TryAdd_SameAnswersAsHashSet(int seed) => SameAnswersAsHashSet(new UuidRowSet(), seed);

    [Property(MaxTest = 30)]
    public bool TryAdd_ShallowDirectory_SameAnswersAsHashSet(int seed) => SameAnswersAsHashSet(new UuidRowSet(maxDepth: 2), seed);

    private static bool SameAnswersAsHashSet(UuidRowSet set, int seed)
    {
        var random = new Random(seed);
        var reference = new HashSet<(Guid, int)>();
        var uuids = new List<Guid>();
        for (var i = 0; i < 5000; i++)
        {
            // Fresh uuids, repeated uuids on the same or another row, and sequential uuids that differ in few bits.
            var uuid = random.Next(4) switch
            {
                0 when uuids.Count > 0 => uuids[random.Next(uuids.Count)],
                1 => new Guid(i, 0, 0, new byte[8]),
                _ => Guid.NewGuid(),
            };
            uuids.Add(uuid);
            var row = random.Next(3) == 0 ? random.Next(4) - 2 : random.Next();
            if (set.TryAdd(uuid, row) != reference.Add((uuid, row)) || !set.Contains(uuid, row))
            {
                return false;
            }
        }

        return set.Count == reference.Count && !set.Contains(Guid.NewGuid(), 7);
    }
}
