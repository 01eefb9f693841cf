using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Reports;

/// <summary>
/// Each pass's agreement with the consensus it fed, on the scorer's 0–100 scale: <see cref="Agreement.OfLabels"/> of
/// the pass's final label against the consensus label. Auto-accepted model instances are removed from both sides
/// first: consensus carries them in unchanged, and a pass may or may not echo them, so counting them would reward or
/// punish the drawer for work nobody asked of them.
/// </summary>
public static class PassAgreement
{
    public static IReadOnlyList<(int Pass, double Agreement)> Of(
        Label consensus, IReadOnlyList<PassLabel> passes, IReadOnlyList<Annotation> accepted, AssetExtent extent)
    {
        ArgumentNullException.ThrowIfNull(consensus);
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentNullException.ThrowIfNull(accepted);
        var acceptedIds = accepted.Select(a => a.Uuid).ToHashSet();
        var merged = Without(consensus, acceptedIds);
        return [.. passes.OrderBy(p => p.Pass).Select(p => (p.Pass, Agreement.OfLabels(Without(p.Label, acceptedIds), merged, extent)))];
    }

    private static Label Without(Label label, HashSet<Guid> uuids) =>
        label with { Annotations = label.Annotations.Where(a => !uuids.Contains(a.Uuid)).ToValueList() };
}
