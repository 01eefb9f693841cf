using System.Globalization;

namespace FuncLabel.Domain.Training;

/// <summary>An exam attempt's result: the mean item score and whether it reaches the pass mark.</summary>
/// <param name="Score">Mean of the item scores, floored to two decimals (never rounded up across the pass mark).</param>
/// <param name="Passed">True iff the mean is at least the pass mark.</param>
public sealed record ExamOutcome(double Score, bool Passed)
{
    /// <summary>
    /// Scores an attempt (docs/product.md, Practice vs exam: score = mean of item scores; pass iff score ≥ pass mark).
    /// </summary>
    /// <remarks>
    /// Item scores carry at most two decimals (<c>CandidateScore</c> floors them), so the comparison is done in
    /// whole hundredths: Σ hundredths ≥ passMark·100·n. That makes "exactly at the pass mark" exact — a mean of
    /// (100 + 0)/2 against 50, or of three items against 66.67, never flips on a binary rounding error — and the
    /// displayed score (floor of the mean in hundredths) is consistent with the decision.
    /// </remarks>
    public static ExamOutcome Of(IReadOnlyList<double> itemScores, double passMark)
    {
        ArgumentNullException.ThrowIfNull(itemScores);
        if (itemScores.Count == 0)
        {
            throw new ArgumentException("An exam has at least one item.", nameof(itemScores));
        }

        if (!(passMark is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(passMark), passMark.ToString(CultureInfo.InvariantCulture), "The pass mark lies in [0, 100].");
        }

        long sum = 0;
        foreach (var score in itemScores)
        {
            if (!(score is >= 0 and <= 100))
            {
                throw new ArgumentOutOfRangeException(nameof(itemScores), score.ToString(CultureInfo.InvariantCulture), "Item scores lie in [0, 100].");
            }

            sum += Hundredths(score);
        }

        var n = itemScores.Count;
        var passed = sum >= Hundredths(passMark) * n;
        return new ExamOutcome(Math.Floor((double)sum / n) / 100.0, passed);
    }

    /// <summary>A score as whole hundredths; scores are two-decimal values, so rounding only removes binary noise.</summary>
    private static long Hundredths(double value) => (long)Math.Round(value * 100.0, MidpointRounding.AwayFromZero);
}
