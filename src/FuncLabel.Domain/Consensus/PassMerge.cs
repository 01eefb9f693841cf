using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Consensus;

/// <summary>
/// Merges the final labels of an asset's passes into one consensus label (docs/product.md, capability 5).
/// </summary>
/// <remarks>
/// <para><b>Objects.</b> Passes are taken in pass order. The first pass's objects seed one cluster each; every later
/// pass is matched one to one against the clusters' representatives (each cluster's earliest member) with the
/// scorer's optimal same-class matching (<see cref="InstanceSimilarity.MatchSameClass"/>: Hungarian assignment on
/// the similarity, pairs below the match threshold 0.4 never matched); matched objects join their cluster, the rest
/// seed new ones. A cluster therefore holds at most one object per pass. Matching against a fixed representative
/// (not a moving mean) keeps the result independent of floating-point drift and costs one sparse matching per pass.</para>
/// <para><b>Quorum.</b> A cluster is kept when more than <see cref="ConsensusOptions.Quorum"/> of all passes contain
/// it (default: more than half). Its geometry is the mean of its members for boxes (each edge averaged) and points,
/// and the medoid (the member with the greatest total similarity to the others; earliest pass on ties) for
/// polygons, polylines, masks and text spans, whose vertex lists cannot be averaged meaningfully. Each attribute
/// question is decided by vote among the cluster's members: the most frequent answer (checklists compared as sets;
/// earliest on ties) when more than the quorum of members gave it, else the question is left out.</para>
/// <para><b>Global classifications</b> are voted per question across passes with the same quorum.</para>
/// <para><b>Auto-accepted instances</b> (model output above the auto-accept threshold) are carried in unchanged;
/// pass instances with their uuids (read-only context echoed back) are ignored so they are not counted twice.</para>
/// <para><b>Agreement</b> is the mean over all pairs of passes of <see cref="Agreement.OfLabels"/> (0–100), with the
/// carried-in instances left out; null for fewer than two passes. One pass gives that pass.</para>
/// <para>Merged instances keep the uuid of their earliest member unless it is already used in the result (then a
/// uuid derived from all members' uuids), so a one-pass consensus has the pass's uuids.</para>
/// </remarks>
public static class PassMerge
{
    public const string Author = "consensus";

    public static ConsensusResult Of(
        string assetId, string assetVersion, IReadOnlyList<PassLabel> passes, IReadOnlyList<Annotation> accepted, AssetExtent extent, ConsensusOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentNullException.ThrowIfNull(accepted);
        options ??= ConsensusOptions.Default;
        var acceptedIds = accepted.Select(a => a.Uuid).ToHashSet();
        List<PassLabel> ordered = [.. passes.OrderBy(p => p.Pass)];
        List<(int Pass, List<Annotation> Annotations)> own =
            [.. ordered.Select(p => (p.Pass, p.Label.Annotations.Where(a => !acceptedIds.Contains(a.Uuid)).ToList()))];

        var instances = new List<ConsensusInstance>();
        instances.AddRange(accepted.Select(a => new ConsensusInstance(a, [], [a.Uuid], 1.0)));
        var used = new HashSet<Guid>(acceptedIds);
        int dropped = 0;

        foreach (var cluster in ObjectClusters.Build(own, extent, options.Scoring))
        {
            if (!options.Keeps(cluster.Count, own.Count))
            {
                dropped++;
                continue;
            }

            instances.Add(MergeObject(cluster, extent, options, used));
        }

        foreach (var vote in ClassificationVote.Build(own))
        {
            if (vote.Winner is { } winner && options.Keeps(winner.Voters.Count, own.Count))
            {
                var first = winner.Annotations[0];
                var uuid = FreshUuid(winner.Annotations.Select(a => a.Uuid), used);
                instances.Add(new ConsensusInstance(
                    first with { Uuid = uuid, Source = AnnotationSource.Consensus, Confidence = null },
                    winner.Voters,
                    [.. winner.Annotations.Select(a => a.Uuid)],
                    1.0));
            }
            else
            {
                dropped++;
            }
        }

        int ontologyVersion = ordered.Count > 0 ? ordered.Max(p => p.Label.OntologyVersion) : 0;
        var label = new Label(Author, assetId, assetVersion, ontologyVersion, instances.Select(i => i.Annotation).ToValueList());
        return new ConsensusResult(label, instances, MeanPairwiseAgreement(own, assetId, assetVersion, ontologyVersion, extent, options), dropped);
    }

    private static ConsensusInstance MergeObject(IReadOnlyList<(int Pass, Annotation Annotation)> cluster, AssetExtent extent, ConsensusOptions options, HashSet<Guid> used)
    {
        int n = cluster.Count;
        var similarity = new double[n, n];
        double pairSum = 0;
        for (int i = 0; i < n; i++)
        {
            similarity[i, i] = 1.0;
            for (int j = i + 1; j < n; j++)
            {
                double s = Similar(cluster[i].Annotation, cluster[j].Annotation, extent, options);
                similarity[i, j] = similarity[j, i] = s;
                pairSum += s;
            }
        }

        var members = cluster.Select(c => c.Annotation).ToList();
        AnnotationGeometry geometry = GeometryMerge.Of(members, similarity);
        var attributes = AttributeVote.Of(members, options);
        var uuid = FreshUuid(members.Select(m => m.Uuid), used);
        var merged = new Annotation(uuid, members[0].SchemaId, geometry, attributes, AnnotationSource.Consensus);
        double mean = n == 1 ? 1.0 : pairSum / (n * (n - 1) / 2.0);
        return new ConsensusInstance(merged, [.. cluster.Select(c => c.Pass)], [.. members.Select(m => m.Uuid)], mean);
    }

    private static double Similar(Annotation a, Annotation b, AssetExtent extent, ConsensusOptions options) =>
        GeometryMerge.IsScoreable(a.Geometry) && GeometryMerge.IsScoreable(b.Geometry)
            ? InstanceSimilarity.Between(a, b, extent, options.Scoring)
            : (a.Geometry == b.Geometry ? 1.0 : 0.0);

    private static double? MeanPairwiseAgreement(
        List<(int Pass, List<Annotation> Annotations)> passes, string assetId, string assetVersion, int ontologyVersion, AssetExtent extent, ConsensusOptions options)
    {
        if (passes.Count < 2)
        {
            return null;
        }

        var labels = passes.Select(p => new Label(p.Pass.ToString(System.Globalization.CultureInfo.InvariantCulture), assetId, assetVersion, ontologyVersion,
            p.Annotations.Where(a => a.Geometry is null || GeometryMerge.IsScoreable(a.Geometry)).ToValueList())).ToList();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < labels.Count; i++)
        {
            for (int j = i + 1; j < labels.Count; j++)
            {
                sum += Agreement.OfLabels(labels[i], labels[j], extent, options.Scoring);
                pairs++;
            }
        }

        return sum / pairs;
    }

    /// <summary>The earliest member's uuid if still free in the result, else one derived from all members' uuids.</summary>
    private static Guid FreshUuid(IEnumerable<Guid> members, HashSet<Guid> used)
    {
        List<Guid> ids = [.. members];
        Guid uuid = ids[0];
        if (!used.Add(uuid))
        {
            uuid = DerivedUuid.From(ids);
            while (!used.Add(uuid))
            {
                uuid = DerivedUuid.From([uuid]);
            }
        }

        return uuid;
    }
}
