using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Matching;
using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Shapes;

/// <summary>
/// Matches two lists of object instances one to one: the spatial index proposes the pairs whose
/// envelopes meet, a cheap upper bound drops those that cannot reach the threshold, a predicate on the two annotations keeps the admissible ones (same class in the
/// first round, different classes in the wrong-class round), their similarities at or above the
/// match threshold form the sparse graph, and <see cref="SparseAssignment"/> solves it per
/// connected component.
/// </summary>
internal static class InstanceGraph
{
    public static IReadOnlyList<SimilarityEdge> Match(
        IReadOnlyList<ObjectInstance> left,
        IReadOnlyList<ObjectInstance> right,
        Func<Annotation, Annotation, bool> admissible,
        ShapePreparation preparation)
    {
        double threshold = preparation.Options.MatchThreshold;
        var edges = new List<SimilarityEdge>();
        List<(int Left, int Right)> pairs = CandidatePairs.Intersecting(Envelopes(left), Envelopes(right));
        foreach ((int i, int j) in pairs)
        {
            if (!admissible(left[i].Annotation, right[j].Annotation)
                || ShapeSimilarity.UpperBound(left[i].Shape, right[j].Shape) < threshold)
            {
                continue;
            }

            double similarity = ShapeSimilarity.Of(left[i].Shape, right[j].Shape, preparation);
            if (similarity >= threshold)
            {
                edges.Add(new SimilarityEdge(i, j, similarity));
            }
        }

        return SparseAssignment.Maximise(edges, left.Count, right.Count, threshold);
    }

    private static Envelope[] Envelopes(IReadOnlyList<ObjectInstance> instances)
    {
        var envelopes = new Envelope[instances.Count];
        for (int i = 0; i < instances.Count; i++)
        {
            envelopes[i] = instances[i].Shape.SearchEnvelope;
        }

        return envelopes;
    }
}
