using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Consensus;

/// <summary>Groups the passes' objects into clusters of "the same object", at most one per pass (see <see cref="PassMerge"/>).</summary>
internal static class ObjectClusters
{
    public static List<List<(int Pass, Annotation Annotation)>> Build(
        IReadOnlyList<(int Pass, List<Annotation> Annotations)> passes, AssetExtent extent, ScoringOptions scoring)
    {
        var clusters = new List<List<(int Pass, Annotation Annotation)>>();
        foreach (var (pass, annotations) in passes)
        {
            List<Annotation> objects = [.. annotations.Where(a => a.IsObject)];
            List<Annotation> scoreable = [.. objects.Where(a => GeometryMerge.IsScoreable(a.Geometry))];
            List<int> comparable = [.. Enumerable.Range(0, clusters.Count).Where(i => GeometryMerge.IsScoreable(clusters[i][0].Annotation.Geometry))];
            List<Annotation> representatives = [.. comparable.Select(i => clusters[i][0].Annotation)];
            var joined = new HashSet<int>();
            if (representatives.Count > 0 && scoreable.Count > 0)
            {
                foreach (var pair in InstanceSimilarity.MatchSameClass(representatives, scoreable, extent, scoring))
                {
                    clusters[comparable[pair.LeftIndex]].Add((pass, scoreable[pair.RightIndex]));
                    joined.Add(pair.RightIndex);
                }
            }

            for (int j = 0; j < scoreable.Count; j++)
            {
                if (!joined.Contains(j))
                {
                    clusters.Add([(pass, scoreable[j])]);
                }
            }

            // Objects that cannot be compared (mask references not yet fetched) stand alone.
            clusters.AddRange(objects.Where(a => !GeometryMerge.IsScoreable(a.Geometry)).Select(a => new List<(int, Annotation)> { (pass, a) }));
        }

        return clusters;
    }
}
