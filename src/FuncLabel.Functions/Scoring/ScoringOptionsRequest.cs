using FuncLabel.Domain.Scoring;

namespace FuncLabel.Functions.Scoring;

/// <summary>
/// Scoring options as a caller sends them (<c>options</c> of the score endpoints): every field optional, and one that
/// is omitted (or null) takes its default, exactly as when <c>options</c> is absent. A wire type of its own rather than
/// <see cref="ScoringOptions"/>: the compile-time JSON contracts set init-only properties through the object
/// initializer they generate, so an omitted property would read as 0 instead of keeping its default.
/// </summary>
/// <param name="MatchThreshold">Smallest similarity at which gold and candidate count as the same object (default 0.4).</param>
/// <param name="PassOverlap">Smallest similarity of a matched pair that earns full credit (default 0.8).</param>
/// <param name="PointSigma">Tolerance of point distances relative to the asset's scale (default 0.01).</param>
/// <param name="PolylineSigma">Tolerance of mean polyline distances relative to the asset's scale (default 0.01).</param>
/// <param name="PolylineSamples">Points sampled along each polyline (default 32).</param>
/// <param name="FallbackScale">Scale in pixels when the asset's size is unknown (default 1000).</param>
internal sealed record ScoringOptionsRequest(
    double? MatchThreshold, double? PassOverlap, double? PointSigma, double? PolylineSigma, int? PolylineSamples, double? FallbackScale)
{
    /// <summary>The options to score with: the fields given, the defaults for the rest (not yet validated).</summary>
    public ScoringOptions WithDefaults()
    {
        var defaults = ScoringOptions.Default;
        return new ScoringOptions
        {
            MatchThreshold = MatchThreshold ?? defaults.MatchThreshold,
            PassOverlap = PassOverlap ?? defaults.PassOverlap,
            PointSigma = PointSigma ?? defaults.PointSigma,
            PolylineSigma = PolylineSigma ?? defaults.PolylineSigma,
            PolylineSamples = PolylineSamples ?? defaults.PolylineSamples,
            FallbackScale = FallbackScale ?? defaults.FallbackScale,
        };
    }
}
