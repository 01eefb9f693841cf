using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Scoring;

/// <summary>
/// The outcome of comparing a candidate with gold (formula in docs/scoring.md).
/// </summary>
/// <param name="Score">0–100; exactly 100 when every gold instance is matched with the right class and answers at or above the pass overlap and nothing is extra, otherwise at most 99.99 (floored to two decimals).</param>
/// <param name="Precision">Correct-class matches over candidate instances (1 when there are none).</param>
/// <param name="Recall">Correct-class matches over gold instances (1 when there are none).</param>
/// <param name="MeanOverlap">Mean similarity of the correct-class object matches (null when there are none).</param>
/// <param name="GoldCount">Gold instances (objects and global classifications).</param>
/// <param name="CandidateCount">Candidate instances.</param>
/// <param name="MatchedCount">Correct-class matches (objects and answered global classifications).</param>
/// <param name="Feedback">Per-instance problems, ordered by reason, then gold id, then candidate id.</param>
/// <param name="Options">The options used, so the score can be recomputed.</param>
/// <param name="ScorerVersion">The <see cref="Scoring.ScorerVersion"/> of the rules used.</param>
public sealed record ScoreResult(
    double Score,
    double Precision,
    double Recall,
    double? MeanOverlap,
    int GoldCount,
    int CandidateCount,
    int MatchedCount,
    ValueList<ScoreFeedback> Feedback,
    ScoringOptions Options,
    string ScorerVersion)
{
    /// <summary>True when the candidate earned full marks.</summary>
    public bool IsPerfect => Score == 100.0;
}
