using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Consensus;

/// <summary>
/// Settings of a merge. An instance is kept when more than <see cref="Quorum"/> of the passes contain it (default
/// 0.5: more than half). Matching uses the scorer's similarity and its <see cref="ScoringOptions.MatchThreshold"/> (0.4).
/// </summary>
public sealed record ConsensusOptions
{
    public static ConsensusOptions Default { get; } = new();

    /// <summary>The fraction of passes an instance must exceed to be kept, in [0, 1).</summary>
    public double Quorum { get; init; } = 0.5;

    public ScoringOptions Scoring { get; init; } = ScoringOptions.Default;

    /// <summary>True when <paramref name="votes"/> of <paramref name="passes"/> is more than the quorum.</summary>
    public bool Keeps(int votes, int passes) => votes > Quorum * passes;
}
