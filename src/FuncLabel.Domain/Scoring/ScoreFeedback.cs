namespace FuncLabel.Domain.Scoring;

/// <summary>
/// One piece of per-instance feedback. Ids are annotation uuids; <paramref name="ClassId"/> is the
/// gold class (the candidate's for <c>extra</c>); <paramref name="Overlap"/> is the similarity of
/// the pair in [0, 1] (null for <c>missing</c> and <c>extra</c>); <paramref name="Message"/> is a
/// sentence for the annotator that never quotes a number, so exams can show it while hiding
/// overlaps. Rounding overlaps for display (practice) or hiding them (exams) is
/// the caller's business.
/// </summary>
public sealed record ScoreFeedback(
    FeedbackReason Reason,
    Guid? GoldId,
    Guid? CandidateId,
    string ClassId,
    double? Overlap,
    string Message);
