using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Consensus;

/// <summary>One geometry for a cluster: the mean for boxes and points, the medoid for everything else.</summary>
internal static class GeometryMerge
{
    /// <summary>False for mask references not yet fetched: the scorer cannot compare them.</summary>
    public static bool IsScoreable(AnnotationGeometry? geometry) => geometry is not (null or MaskBlobReference);

    /// <param name="members">The cluster's annotations, in pass order.</param>
    /// <param name="similarity">Their pairwise similarities (1 on the diagonal).</param>
    public static AnnotationGeometry Of(IReadOnlyList<Annotation> members, double[,] similarity)
    {
        if (members.All(m => m.Geometry is BoundingBox))
        {
            var boxes = members.Select(m => (BoundingBox)m.Geometry!).ToList();
            double left = boxes.Average(b => b.Left), top = boxes.Average(b => b.Top);
            double right = boxes.Average(b => b.Right), bottom = boxes.Average(b => b.Bottom);
            return new BoundingBox(left, top, right - left, bottom - top);
        }

        if (members.All(m => m.Geometry is PointGeometry))
        {
            var points = members.Select(m => (PointGeometry)m.Geometry!).ToList();
            return new PointGeometry(points.Average(p => p.X), points.Average(p => p.Y));
        }

        return members[Medoid(members.Count, similarity)].Geometry!;
    }

    /// <summary>The index with the greatest total similarity to the others; the lowest index on ties.</summary>
    public static int Medoid(int count, double[,] similarity)
    {
        int best = 0;
        double bestTotal = double.NegativeInfinity;
        for (int i = 0; i < count; i++)
        {
            double total = 0;
            for (int j = 0; j < count; j++)
            {
                total += i == j ? 0 : similarity[i, j];
            }

            if (total > bestTotal)
            {
                best = i;
                bestTotal = total;
            }
        }

        return best;
    }
}
