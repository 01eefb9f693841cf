namespace FuncLabel.Domain.Matching;

/// <summary>
/// Optimal one-to-one matching on a sparse bipartite graph of admissible pairs, solved one
/// connected component at a time.
/// </summary>
/// <remarks>
/// The optimum of a maximum-weight matching decomposes over connected components (no pair links
/// two components), so each component gets its own dense <see cref="HungarianAssignment"/>. A
/// scene of n instances whose objects each overlap a handful of others has components of a
/// handful of nodes, which turns the O(n³) dense problem into roughly O(n·k³); the worst case (everything
/// overlapping everything) degrades gracefully to one dense problem. Components with a single
/// edge, the common case for clean annotations, skip the matrix entirely.
/// </remarks>
internal static class SparseAssignment
{
    /// <summary>
    /// Returns the matched pairs, each carrying its similarity. <paramref name="edges"/> must hold
    /// only admissible pairs (similarity at or above <paramref name="threshold"/>) with at most one
    /// edge per (left, right).
    /// </summary>
    public static IReadOnlyList<SimilarityEdge> Maximise(
        IReadOnlyList<SimilarityEdge> edges, int leftCount, int rightCount, double threshold)
    {
        if (edges.Count == 0)
        {
            return [];
        }

        var sets = new DisjointSets(leftCount + rightCount);
        foreach (SimilarityEdge edge in edges)
        {
            sets.Union(edge.Left, leftCount + edge.Right);
        }

        var components = new Dictionary<int, List<SimilarityEdge>>();
        foreach (SimilarityEdge edge in edges)
        {
            int root = sets.Find(edge.Left);
            if (!components.TryGetValue(root, out List<SimilarityEdge>? list))
            {
                list = [];
                components.Add(root, list);
            }

            list.Add(edge);
        }

        var matched = new List<SimilarityEdge>();
        foreach (List<SimilarityEdge> component in components.Values)
        {
            if (component.Count == 1)
            {
                matched.Add(component[0]);
                continue;
            }

            MatchComponent(component, threshold, matched);
        }

        matched.Sort(static (a, b) => a.Left != b.Left ? a.Left.CompareTo(b.Left) : a.Right.CompareTo(b.Right));
        return matched;
    }

    private static void MatchComponent(List<SimilarityEdge> component, double threshold, List<SimilarityEdge> matched)
    {
        var leftIndex = new Dictionary<int, int>();
        var rightIndex = new Dictionary<int, int>();
        var lefts = new List<int>();
        var rights = new List<int>();
        foreach (SimilarityEdge edge in component)
        {
            if (leftIndex.TryAdd(edge.Left, lefts.Count))
            {
                lefts.Add(edge.Left);
            }

            if (rightIndex.TryAdd(edge.Right, rights.Count))
            {
                rights.Add(edge.Right);
            }
        }

        var matrix = new double[lefts.Count * rights.Count];
        foreach (SimilarityEdge edge in component)
        {
            matrix[(leftIndex[edge.Left] * rights.Count) + rightIndex[edge.Right]] = edge.Similarity;
        }

        int[] assignment = HungarianAssignment.Maximise(matrix, lefts.Count, rights.Count, threshold);
        for (int i = 0; i < assignment.Length; i++)
        {
            int j = assignment[i];
            if (j >= 0)
            {
                matched.Add(new SimilarityEdge(lefts[i], rights[j], matrix[(i * rights.Count) + j]));
            }
        }
    }
}
