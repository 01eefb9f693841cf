namespace FuncLabel.Domain.Scoring;

/// <summary>
/// The settings of one scoring run. Every <see cref="ScoreResult"/> carries the options it was
/// computed with (and the <see cref="ScorerVersion"/>), so a stored score can be recomputed and
/// explained later even after the defaults change.
/// </summary>
/// <remarks>
/// Distances for points and polylines are judged relative to the asset: the scale s is
/// √(width·height) of the asset when its size is known, else <see cref="FallbackScale"/>; a
/// distance d scores exp(−d² / (2·(σ·s)²)). With the defaults on a 1000 × 1000 image a point passes
/// (0.8) within 6.7 px and still matches (0.4) within 13.5 px.
/// </remarks>
public sealed record ScoringOptions
{
    /// <summary>The defaults: match at 0.4, pass at 0.8, σ = 0.01 for points and polylines, 32 polyline samples.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>Smallest similarity at which a gold and a candidate instance count as the same object (0 &lt; t ≤ 1).</summary>
    public double MatchThreshold { get; init; } = 0.4;

    /// <summary>Smallest similarity of a matched pair that earns full credit; below it the pair gets <c>low_overlap</c> (≥ the match threshold, ≤ 1).</summary>
    public double PassOverlap { get; init; } = 0.8;

    /// <summary>Tolerance of point distances relative to the scale (OKS σ, &gt; 0).</summary>
    public double PointSigma { get; init; } = 0.01;

    /// <summary>Tolerance of mean polyline distances relative to the scale (&gt; 0).</summary>
    public double PolylineSigma { get; init; } = 0.01;

    /// <summary>Points sampled along each polyline (2–4096).</summary>
    public int PolylineSamples { get; init; } = 32;

    /// <summary>Scale in pixels for distances when the asset's size is unknown (&gt; 0).</summary>
    public double FallbackScale { get; init; } = 1000;

    /// <summary>The problems that make these options unusable; empty when they are valid.</summary>
    public IReadOnlyList<ScoringOptionsProblem> Problems()
    {
        var problems = new List<ScoringOptionsProblem>();
        if (!(MatchThreshold is > 0 and <= 1))
        {
            problems.Add(new("matchThreshold", "must lie in (0, 1]"));
        }

        if (!(PassOverlap <= 1 && PassOverlap >= MatchThreshold))
        {
            problems.Add(new("passOverlap", "must lie in [matchThreshold, 1]"));
        }

        if (!(PointSigma > 0 && double.IsFinite(PointSigma)))
        {
            problems.Add(new("pointSigma", "must be a positive number"));
        }

        if (!(PolylineSigma > 0 && double.IsFinite(PolylineSigma)))
        {
            problems.Add(new("polylineSigma", "must be a positive number"));
        }

        if (PolylineSamples is < 2 or > 4096)
        {
            problems.Add(new("polylineSamples", "must lie in [2, 4096]"));
        }

        if (!(FallbackScale > 0 && double.IsFinite(FallbackScale)))
        {
            problems.Add(new("fallbackScale", "must be a positive number"));
        }

        return problems;
    }
}
