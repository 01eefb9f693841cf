using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Training;

/// <summary>
/// One piece of feedback as a trainee sees it. Never names gold annotations' ids (gold stays with owners);
/// <see cref="Overlap"/> is rounded to 0.05 in practice and absent in exams.
/// </summary>
public sealed record TraineeFeedback(FeedbackReason Reason, string ClassId, Guid? CandidateId, double? Overlap, string Message);

/// <summary>
/// The two ways a trainee may see a <see cref="ScoreResult"/> (docs/product.md, Practice vs exam): practice shows reasons
/// with overlaps rounded to 0.05 (enough to steer, not enough to reverse-engineer gold geometry); a finished exam
/// shows reasons without overlap values.
/// </summary>
public static class TrainingFeedback
{
    public const double OverlapStep = 0.05;

    public static IReadOnlyList<TraineeFeedback> ForPractice(ScoreResult result) =>
        [.. result.Feedback.Select(f => new TraineeFeedback(f.Reason, f.ClassId, f.CandidateId, f.Overlap is { } o ? RoundOverlap(o) : null, f.Message))];

    public static IReadOnlyList<TraineeFeedback> ForExam(ScoreResult result) =>
        [.. result.Feedback.Select(f => new TraineeFeedback(f.Reason, f.ClassId, f.CandidateId, null, f.Message))];

    /// <summary>Rounds to the nearest multiple of 0.05 (halves away from zero), computed in twentieths so 0.35 stays 0.35.</summary>
    public static double RoundOverlap(double overlap) => Math.Round(overlap / OverlapStep, MidpointRounding.AwayFromZero) * 5 / 100.0;
}
