namespace FuncLabel.Domain.Scoring;

/// <summary>
/// The version of the scoring rules stored with every result. Bump it whenever a change would
/// alter any score or feedback for the same inputs and options (formula, similarity, matching,
/// tie-breaking), so stored scores say which rules produced them.
/// </summary>
public static class ScorerVersion
{
    public const string Current = "1.0";
}
