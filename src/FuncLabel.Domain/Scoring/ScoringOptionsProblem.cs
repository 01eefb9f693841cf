namespace FuncLabel.Domain.Scoring;

/// <summary>Why a <see cref="ScoringOptions"/> value is unusable: the camelCase field and what it must be.</summary>
public sealed record ScoringOptionsProblem(string Field, string Message);
