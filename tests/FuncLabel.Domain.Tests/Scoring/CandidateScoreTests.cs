using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Scoring;
using static FuncLabel.Domain.Tests.Scoring.AnswerAgreementTests;
using static FuncLabel.Domain.Tests.Scoring.ScoringSamples;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>Hand-computed scores: one test per feedback reason and per shape type.</summary>
public sealed class CandidateScoreTests
{
    private static readonly AssetExtent Image1000 = AssetExtent.Image(1000, 1000);

    [Fact]
    public void Of_IdenticalLabels_ExactlyHundredWithoutFeedback()
    {
        Annotation[] gold = [Box(1, "car", 0, 0, 10, 10), Polygon(2, "tree", (50, 50), (80, 50), (65, 90)), Answer(3, "weather", Radio("sunny"))];

        ScoreResult result = CandidateScore.Of(gold, gold, Image1000);

        Assert.Equal(100.0, result.Score);
        Assert.True(result.IsPerfect);
        Assert.Empty(result.Feedback);
        Assert.Equal((1.0, 1.0, 1.0), (result.Precision, result.Recall, result.MeanOverlap!.Value));
        Assert.Equal(ScorerVersion.Current, result.ScorerVersion);
        Assert.Same(ScoringOptions.Default, result.Options);
    }

    [Fact]
    public void Of_BoxShiftedWithinPassOverlap_Hundred()
    {
        // IoU of [0,10]² and [0.5,10.5]×[0,10] = 95/105 ≈ 0.905 ≥ 0.8.
        ScoreResult result = CandidateScore.Of([Box(1, "car", 0, 0, 10, 10)], [Box(2, "car", 0.5, 0, 10, 10)], Image1000);

        Assert.Equal(100.0, result.Score);
        Assert.Equal(95.0 / 105, result.MeanOverlap!.Value, 1e-12);
    }

    [Fact]
    public void Of_LowOverlap_CreditProportionalToOverlapOverPass()
    {
        // IoU = 50/150 = 1/3 ≥ 0.3 (match) but < 0.8 (pass): credit (1/3)/0.8 = 0.41666…, score floor(4166.66…)/100.
        var options = new ScoringOptions { MatchThreshold = 0.3 };

        ScoreResult result = CandidateScore.Of([Box(1, "car", 0, 0, 10, 10)], [Box(2, "car", 5, 0, 10, 10)], Image1000, options);

        ScoreFeedback feedback = Assert.Single(result.Feedback);
        Assert.Equal((FeedbackReason.LowOverlap, Id(1), Id(2), "car"), (feedback.Reason, feedback.GoldId, feedback.CandidateId, feedback.ClassId));
        Assert.Equal(1.0 / 3, feedback.Overlap!.Value, 1e-12);
        Assert.Equal(41.66, result.Score);
        Assert.Same(options, result.Options);
    }

    [Fact]
    public void Of_MissingInstance_ZeroCreditAndRecallDrops()
    {
        // Two gold boxes, one found exactly: score 100·1/2, precision 1, recall 1/2.
        ScoreResult result = CandidateScore.Of([Box(1, "car", 0, 0, 10, 10), Box(2, "car", 100, 100, 10, 10)], [Box(3, "car", 0, 0, 10, 10)], Image1000);

        ScoreFeedback feedback = Assert.Single(result.Feedback);
        Assert.Equal((FeedbackReason.Missing, Id(2), (Guid?)null, "car", (double?)null), (feedback.Reason, feedback.GoldId, feedback.CandidateId, feedback.ClassId, feedback.Overlap));
        Assert.Equal((50.0, 1.0, 0.5), (result.Score, result.Precision, result.Recall));
    }

    [Fact]
    public void Of_ExtraInstance_CountsInTheDenominator()
    {
        // One gold matched exactly plus one extra: 100·1/(1 + 1).
        ScoreResult result = CandidateScore.Of([Box(1, "car", 0, 0, 10, 10)], [Box(2, "car", 0, 0, 10, 10), Box(3, "car", 500, 500, 20, 20)], Image1000);

        ScoreFeedback feedback = Assert.Single(result.Feedback);
        Assert.Equal((FeedbackReason.Extra, (Guid?)null, Id(3), "car"), (feedback.Reason, feedback.GoldId, feedback.CandidateId, feedback.ClassId));
        Assert.Equal((50.0, 0.5, 1.0), (result.Score, result.Precision, result.Recall));
    }

    [Fact]
    public void Of_RightShapeOtherClass_WrongClassNotMissingPlusExtra()
    {
        ScoreResult result = CandidateScore.Of([Box(1, "car", 0, 0, 10, 10)], [Box(2, "truck", 0, 0, 10, 10)], Image1000);

        ScoreFeedback feedback = Assert.Single(result.Feedback);
        Assert.Equal((FeedbackReason.WrongClass, Id(1), Id(2), "car", 1.0), (feedback.Reason, feedback.GoldId, feedback.CandidateId, feedback.ClassId, feedback.Overlap!.Value));
        Assert.Equal((0.0, 0.0, 0.0), (result.Score, result.Precision, result.Recall));
    }

    [Fact]
    public void Of_BoxDrawnForAPolygonClass_WrongClassAcrossTools()
    {
        ScoreResult result = CandidateScore.Of([Polygon(1, "lake", (0, 0), (10, 0), (10, 10), (0, 10))], [Box(2, "car", 0, 0, 10, 10)], Image1000);

        Assert.Equal(FeedbackReason.WrongClass, Assert.Single(result.Feedback).Reason);
    }

    [Fact]
    public void Of_WrongNestedAttribute_CreditIsTheAttributeAgreement()
    {
        // Two attributes, one wrong → agreement 1/2 → score 50.
        Annotation gold = Box(1, "car", 0, 0, 10, 10, Attribute("occluded", Radio("no")), Attribute("color", Text("red")));
        Annotation candidate = Box(2, "car", 0, 0, 10, 10, Attribute("occluded", Radio("yes")), Attribute("color", Text("red ")));

        ScoreResult result = CandidateScore.Of([gold], [candidate], Image1000);

        ScoreFeedback feedback = Assert.Single(result.Feedback);
        Assert.Equal((FeedbackReason.WrongAttribute, Id(1), Id(2), "car", 1.0), (feedback.Reason, feedback.GoldId, feedback.CandidateId, feedback.ClassId, feedback.Overlap!.Value));
        Assert.Contains("occluded", feedback.Message, StringComparison.Ordinal);
        Assert.Equal(50.0, result.Score);
    }

    [Fact]
    public void Of_GlobalClassifications_AgreementMissingAndExtra()
    {
        // weather: checklist Jaccard 1/2 → wrong_attribute; scene: unanswered → missing; extra "time" → extra.
        // Σ credit = 0.5 over gold 2 + extra 1 → 16.66.
        Annotation[] gold = [Answer(1, "weather", Checklist("sun", "wind")), Answer(2, "scene", Text("street"))];
        Annotation[] candidate = [Answer(3, "weather", Checklist("sun")), Answer(4, "time", Text("noon"))];

        ScoreResult result = CandidateScore.Of(gold, candidate, Image1000);

        Assert.Equal(
            [(FeedbackReason.Missing, Id(2), null), (FeedbackReason.Extra, null, Id(4)), (FeedbackReason.WrongAttribute, Id(1), Id(3))],
            result.Feedback.Select(f => (f.Reason, f.GoldId, f.CandidateId)).ToArray());
        Assert.Equal(0.5, result.Feedback.Single(f => f.Reason == FeedbackReason.WrongAttribute).Overlap);
        Assert.Equal(16.66, result.Score);
    }

    [Fact]
    public void Of_PointWithinTolerance_PassesAndFarPointIsMissing()
    {
        // s = 1000, σ = 0.01: 5 px → exp(−25/200) ≈ 0.8825 passes; 40 px → exp(−8) never matches.
        ScoreResult near = CandidateScore.Of([Point(1, "eye", 100, 100)], [Point(2, "eye", 103, 104)], Image1000);
        ScoreResult far = CandidateScore.Of([Point(1, "eye", 100, 100)], [Point(2, "eye", 140, 100)], Image1000);

        Assert.Equal(100.0, near.Score);
        Assert.Equal(Math.Exp(-25.0 / 200), near.MeanOverlap!.Value, 1e-12);
        Assert.Equal([FeedbackReason.Missing, FeedbackReason.Extra], far.Feedback.Select(f => f.Reason).ToArray());
    }

    [Fact]
    public void Of_PointScale_FromTheAssetElseTheFallback()
    {
        // Unknown asset → s = 1000 (fallback); a 4000 × 1000 asset → s = 2000, so 10 px scores exp(−100/800).
        ScoreResult unknown = CandidateScore.Of([Point(1, "eye", 100, 100)], [Point(2, "eye", 110, 100)], AssetExtent.Unknown);
        ScoreResult wide = CandidateScore.Of([Point(1, "eye", 100, 100)], [Point(2, "eye", 110, 100)], AssetExtent.Image(4000, 1000));

        Assert.Equal(Math.Exp(-0.5), unknown.MeanOverlap!.Value, 1e-12);
        Assert.Equal(Math.Exp(-100.0 / 800), wide.MeanOverlap!.Value, 1e-12);
    }

    [Fact]
    public void Of_PolylineOffsetByThreePixels_MatchedAtKernelOfThree()
    {
        ScoreResult result = CandidateScore.Of([Line(1, "lane", (0, 0), (100, 0))], [Line(2, "lane", (0, 3), (100, 3))], Image1000);

        Assert.Equal(Math.Exp(-9.0 / 200), result.MeanOverlap!.Value, 1e-12);
        Assert.Equal(100.0, result.Score);
    }

    [Fact]
    public void Of_MaskHalfCovered_LowOverlap()
    {
        // 4 × 2 masks: gold row 0 (4 px), candidate pixels 2..5 (4 px), shared 2 → IoU 2/6.
        var options = new ScoringOptions { MatchThreshold = 0.3 };

        ScoreResult result = CandidateScore.Of([Mask(1, "road", 4, 2, 0, 4, 4)], [Mask(2, "road", 4, 2, 2, 4, 2)], AssetExtent.Image(4, 2), options);

        Assert.Equal(FeedbackReason.LowOverlap, Assert.Single(result.Feedback).Reason);
        Assert.Equal(1.0 / 3, result.MeanOverlap!.Value, 1e-12);
    }

    [Fact]
    public void Of_TextSpans_MatchedByCodePointOverlap()
    {
        // [10, 19] vs [12, 19]: 8 / 10 = 0.8 = pass overlap → full credit; [30, 34] vs [40, 44] → missing + extra.
        ScoreResult result = CandidateScore.Of(
            [Span(1, "person", 10, 19), Span(2, "place", 30, 34)],
            [Span(3, "person", 12, 19), Span(4, "place", 40, 44)],
            AssetExtent.Text(100));

        Assert.Equal([FeedbackReason.Missing, FeedbackReason.Extra], result.Feedback.Select(f => f.Reason).ToArray());
        Assert.Equal(0.8, result.MeanOverlap!.Value, 1e-12);
        Assert.Equal(33.33, result.Score);
    }

    [Fact]
    public void Of_TwoCandidatesOnOneGold_BestOneMatchedOtherExtra()
    {
        ScoreResult result = CandidateScore.Of([Box(1, "car", 0, 0, 10, 10)], [Box(2, "car", 1, 0, 10, 10), Box(3, "car", 0, 0, 10, 10)], Image1000);

        ScoreFeedback feedback = Assert.Single(result.Feedback);
        Assert.Equal((FeedbackReason.Extra, Id(2)), (feedback.Reason, feedback.CandidateId));
    }

    [Fact]
    public void Of_EmptyGoldAndCandidate_Hundred() =>
        Assert.Equal(100.0, CandidateScore.Of([], [], Image1000).Score);

    [Fact]
    public void Of_NearlyPerfect_NeverRoundsUpToHundred()
    {
        // 1000 perfect golds and one extra: 100·1000/1001 = 99.90…, and 10,000 + 1 extra would be 99.99.
        Annotation[] gold = [.. Enumerable.Range(0, 20000).Select(i => Box(i, "car", (i % 100) * 20, (i / 100) * 20, 10, 10))];
        Annotation[] candidate = [.. gold, Box(99999, "car", 5000, 5000, 10, 10)];

        ScoreResult result = CandidateScore.Of(gold, candidate, AssetExtent.Unknown);

        Assert.Equal(99.99, result.Score);
    }

    [Fact]
    public void Of_InvalidOptions_Throws() =>
        Assert.Throws<ArgumentException>(() => CandidateScore.Of([], [], Image1000, new ScoringOptions { PassOverlap = 0.2 }));

    [Fact]
    public void Problems_InvalidOptions_NameEveryField()
    {
        var options = new ScoringOptions { MatchThreshold = 0, PassOverlap = 1.5, PointSigma = double.NaN, PolylineSigma = -1, PolylineSamples = 1, FallbackScale = 0 };

        Assert.Equal(
            ["matchThreshold", "passOverlap", "pointSigma", "polylineSigma", "polylineSamples", "fallbackScale"],
            options.Problems().Select(p => p.Field).ToArray());
        Assert.Empty(ScoringOptions.Default.Problems());
    }

    [Fact]
    public void Agreement_OfLabels_SymmetricMeanOfBothDirections()
    {
        var a = new Label("ann", "asset", "v1", 1, new[] { Box(1, "car", 0, 0, 10, 10), Box(2, "car", 100, 100, 10, 10) }.ToValueList());
        var b = new Label("bob", "asset", "v1", 1, new[] { Box(3, "car", 0, 0, 10, 10) }.ToValueList());

        // a as gold: 1 of 2 found → 50; b as gold: 1 matched + 1 extra → 50.
        Assert.Equal(50.0, Agreement.OfLabels(a, b, Image1000));
        Assert.Equal(Agreement.OfLabels(a, b, Image1000), Agreement.OfLabels(b, a, Image1000));
        Assert.Equal(100.0, Agreement.OfLabels(a, a, Image1000));
    }

    [Fact]
    public void InstanceSimilarity_Between_SameClassIoUOtherClassZero()
    {
        Assert.Equal(50.0 / 150, InstanceSimilarity.Between(Box(1, "car", 0, 0, 10, 10), Box(2, "car", 5, 0, 10, 10), Image1000), 1e-12);
        Assert.Equal(0.0, InstanceSimilarity.Between(Box(1, "car", 0, 0, 10, 10), Box(2, "bus", 0, 0, 10, 10), Image1000));
    }

    [Fact]
    public void InstanceSimilarity_MatchSameClass_IndicesIntoTheInputs()
    {
        Annotation[] left = [Answer(1, "weather", Radio("sun")), Box(2, "car", 0, 0, 10, 10), Box(3, "bus", 50, 50, 10, 10)];
        Annotation[] right = [Box(4, "bus", 50, 50, 10, 10), Box(5, "car", 0.5, 0, 10, 10)];

        IReadOnlyList<InstancePair> pairs = InstanceSimilarity.MatchSameClass(left, right, Image1000);

        Assert.Equal([(1, 1), (2, 0)], pairs.Select(p => (p.LeftIndex, p.RightIndex)).ToArray());
    }
}
