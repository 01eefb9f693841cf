using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Matching;
using FuncLabel.Domain.Scoring.Shapes;

namespace FuncLabel.Domain.Scoring;

/// <summary>
/// The scorer's similarity and matching, exposed for consensus (merging passes): how alike two
/// annotations of the same class are, and the optimal one-to-one matching of two passes' objects.
/// </summary>
public static class InstanceSimilarity
{
    /// <summary>
    /// Similarity in [0, 1] of two annotations: the shape similarity for objects (IoU or the
    /// distance kernel, as in scoring; attributes are not included, consensus votes on them
    /// separately), the answer agreement for global classifications. Symmetric. Annotations of
    /// different classes, or an object and a classification, score 0.
    /// </summary>
    public static double Between(Annotation a, Annotation b, AssetExtent extent, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.SchemaId != b.SchemaId)
        {
            return 0.0;
        }

        if (a.Answer is not null && b.Answer is not null)
        {
            return 0.5 * (AnswerAgreement.Of(a.Answer, b.Answer) + AnswerAgreement.Of(b.Answer, a.Answer));
        }

        if (a.Geometry is null || b.Geometry is null)
        {
            return 0.0;
        }

        var preparation = new ShapePreparation(options ?? ScoringOptions.Default, extent);
        return ShapeSimilarity.Of(preparation.Prepare(a.Geometry), preparation.Prepare(b.Geometry), preparation);
    }

    /// <summary>
    /// The optimal one-to-one matching of two lists' objects within each class (maximum total
    /// similarity over pairs at or above the match threshold), exactly as the scorer's first round.
    /// Indices refer to the input lists; classifications in them are ignored.
    /// </summary>
    public static IReadOnlyList<InstancePair> MatchSameClass(
        IReadOnlyList<Annotation> left, IReadOnlyList<Annotation> right, AssetExtent extent, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var preparation = new ShapePreparation(options ?? ScoringOptions.Default, extent);
        int[] leftIndex = ObjectIndices(left);
        int[] rightIndex = ObjectIndices(right);
        List<ObjectInstance> leftObjects = [.. leftIndex.Select(i => new ObjectInstance(left[i], preparation.Prepare(left[i].Geometry!)))];
        List<ObjectInstance> rightObjects = [.. rightIndex.Select(j => new ObjectInstance(right[j], preparation.Prepare(right[j].Geometry!)))];
        IReadOnlyList<SimilarityEdge> edges = InstanceGraph.Match(leftObjects, rightObjects, static (x, y) => x.SchemaId == y.SchemaId, preparation);
        return [.. edges.Select(e => new InstancePair(leftIndex[e.Left], rightIndex[e.Right], e.Similarity))];
    }

    private static int[] ObjectIndices(IReadOnlyList<Annotation> annotations) =>
        [.. Enumerable.Range(0, annotations.Count).Where(i => annotations[i].Geometry is not null)];
}
