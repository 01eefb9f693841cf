using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace FuncLabel.Domain.Matching;

/// <summary>
/// Finds the (left, right) pairs whose envelopes intersect, the only pairs that can have a
/// non-zero overlap, so similarities are computed for a near-linear number of pairs instead of
/// all n·m.
/// </summary>
/// <remarks>
/// The right side goes into a Sort-Tile-Recursive R-tree (NetTopologySuite's
/// <see cref="STRtree{TItem}"/>, bulk-loaded, O(m log m)); every left envelope is one query
/// (O(log m + k)). Below <see cref="BruteForceLimit"/> pairs the plain double loop is cheaper than
/// building the tree. Shapes whose similarity decays with distance instead of overlap (points,
/// polylines) pass envelopes already expanded by the distance at which they could still reach the
/// match threshold.
/// </remarks>
internal static class CandidatePairs
{
    /// <summary>Pair count under which the O(n·m) loop beats building an STRtree.</summary>
    public const int BruteForceLimit = 256;

    /// <summary>Returns the intersecting pairs, ordered by left index, then right index.</summary>
    public static List<(int Left, int Right)> Intersecting(IReadOnlyList<Envelope> left, IReadOnlyList<Envelope> right)
    {
        var pairs = new List<(int Left, int Right)>();
        if (left.Count == 0 || right.Count == 0)
        {
            return pairs;
        }

        if ((long)left.Count * right.Count <= BruteForceLimit)
        {
            for (int i = 0; i < left.Count; i++)
            {
                for (int j = 0; j < right.Count; j++)
                {
                    if (left[i].Intersects(right[j]))
                    {
                        pairs.Add((i, j));
                    }
                }
            }

            return pairs;
        }

        var tree = new STRtree<int>();
        for (int j = 0; j < right.Count; j++)
        {
            tree.Insert(right[j], j);
        }

        tree.Build();
        var hits = new List<int>();
        for (int i = 0; i < left.Count; i++)
        {
            hits.Clear();
            foreach (int j in tree.Query(left[i]))
            {
                hits.Add(j);
            }

            hits.Sort();
            foreach (int j in hits)
            {
                pairs.Add((i, j));
            }
        }

        return pairs;
    }
}
