using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Consensus;

/// <summary>The final label of one pass (the drawer's, or the reviewer's edit) with its pass number.</summary>
public sealed record PassLabel(int Pass, Label Label);

/// <summary>One merged instance and where it came from.</summary>
/// <param name="Annotation">The merged annotation (source <see cref="AnnotationSource.Consensus"/>, or the carried-in model instance).</param>
/// <param name="Passes">The passes whose instances agreed on it, ascending; empty for carried-in auto-accepted instances.</param>
/// <param name="SourceUuids">The uuids of the agreeing pass instances, in pass order.</param>
/// <param name="MeanSimilarity">Mean pairwise similarity of the agreeing instances (1 for a single one).</param>
public sealed record ConsensusInstance(Annotation Annotation, IReadOnlyList<int> Passes, IReadOnlyList<Guid> SourceUuids, double MeanSimilarity);

/// <summary>The outcome of a merge.</summary>
/// <param name="Label">The consensus label (author <c>consensus</c>).</param>
/// <param name="Instances">The same annotations with provenance, in label order.</param>
/// <param name="Agreement">Mean pairwise <see cref="Scoring.Agreement.OfLabels"/> of the passes (0–100); null with fewer than two passes.</param>
/// <param name="Dropped">Clusters that missed the quorum.</param>
public sealed record ConsensusResult(Label Label, IReadOnlyList<ConsensusInstance> Instances, double? Agreement, int Dropped);
