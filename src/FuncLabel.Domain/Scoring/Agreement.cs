using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Scoring;

/// <summary>
/// Agreement between two labels of the same asset (two passes, or a pass and the consensus), on
/// the scorer's scale 0–100.
/// </summary>
/// <remarks>
/// The scorer treats its first argument as gold, and two labels have no gold between them, so
/// agreement is the mean of scoring each against the other. That makes it exactly symmetric;
/// it is 100 only when each label scores 100 against the other.
/// </remarks>
public static class Agreement
{
    public static double OfLabels(Label a, Label b, AssetExtent extent, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        double forward = CandidateScore.Of(a, b, extent, options).Score;
        double backward = CandidateScore.Of(b, a, extent, options).Score;
        return 0.5 * (forward + backward);
    }
}
