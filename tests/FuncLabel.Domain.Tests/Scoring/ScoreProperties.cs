using FsCheck.Xunit;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Scoring;
using FuncLabel.Domain.Scoring.Similarity;
using static FuncLabel.Domain.Tests.Scoring.ScoringSamples;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>Score = 100 if and only if the candidate equals gold within the pass overlap.</summary>
public sealed class ScoreProperties
{
    /// <remarks>
    /// Gold: 1–12 boxes, each in its own 100 px grid cell so matching is unambiguous, class a or b.
    /// Candidate: every box shifted by up to ±6 px and resized by up to ±6 px (IoU on both sides of
    /// the 0.8 pass line), and with small probabilities dropped, given the other class, or joined by
    /// an extra box. Perfect is expected exactly when nothing was dropped, relabelled or added and
    /// every pair's IoU reaches the pass overlap.
    /// </remarks>
    [Property(MaxTest = 400)]
    public bool Of_HundredIffEqualWithinPassOverlap(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(1, 13);
        var gold = new List<Annotation>();
        var candidate = new List<Annotation>();
        bool expectPerfect = true;
        for (int i = 0; i < count; i++)
        {
            string classId = random.Next(2) == 0 ? "a" : "b";
            double left = (i * 100) + 10, top = 10, width = 20 + random.Next(0, 40), height = 20 + random.Next(0, 40);
            gold.Add(Box(i, classId, left, top, width, height));
            double roll = random.NextDouble();
            if (roll < 0.05)
            {
                expectPerfect = false;
                continue;
            }

            string candidateClass = roll < 0.1 ? (classId == "a" ? "b" : "a") : classId;
            double cl = left + Jitter(random), ct = top + Jitter(random), cw = width + Jitter(random), ch = height + Jitter(random);
            candidate.Add(Box(1000 + i, candidateClass, cl, ct, cw, ch));
            double iou = BoxOverlap.Of(AxisBox.FromLeftTop(left, top, width, height), AxisBox.FromLeftTop(cl, ct, cw, ch));
            expectPerfect &= candidateClass == classId && iou >= ScoringOptions.Default.PassOverlap;
        }

        if (random.NextDouble() < 0.05)
        {
            candidate.Add(Box(5000, "a", 5000, 5000, 30, 30));
            expectPerfect = false;
        }

        ScoreResult result = CandidateScore.Of(gold, candidate, AssetExtent.Unknown);
        return (result.Score == 100.0) == expectPerfect && (result.Feedback.Count == 0) == expectPerfect;
    }

    private static double Jitter(Random random) => Math.Round((random.NextDouble() * 12) - 6, 1);
}
