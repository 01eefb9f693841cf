using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Reports;

/// <summary>
/// How a project's exams went in the period: one <see cref="ExamSummary"/> per exam of the project (ordered by exam
/// id, exams without attempts included with zeros). An attempt counts when it finished in the period.
/// </summary>
public sealed record ExamReport(
    string Scope,
    DateOnly Day,
    ReportPeriod Period,
    DateTimeOffset GeneratedAt,
    ExamTotals Totals,
    IReadOnlyList<ExamSummary> Exams);

/// <summary>Attempts started and finished in the period over every exam; <see cref="PassRate"/> is null without finished attempts.</summary>
public sealed record ExamTotals(int Started, int Finished, int Passed, double? PassRate);

/// <summary>
/// One exam's figures. <see cref="PassRate"/> = passed / finished (0..1), null without finished attempts.
/// <see cref="MedianAttemptsToPass"/> is the median attempt number of the passing attempts (the first attempt is 1);
/// with an even count it is the mean of the two middle values.
/// </summary>
/// <param name="ScoreHistogram">Ten buckets of width 10: <c>[0,10)</c> … <c>[80,90)</c>, <c>[90,100]</c>.</param>
/// <param name="FeedbackByClass">Per class id (ordered), its feedback reasons, most frequent first (ties by reason).</param>
/// <param name="Annotators">Per user who finished an attempt in the period, ordered by user id.</param>
public sealed record ExamSummary(
    string ExamId,
    string Name,
    double PassMark,
    int Started,
    int Finished,
    int Passed,
    int Failed,
    double? PassRate,
    double? MeanScore,
    double? MedianAttemptsToPass,
    IReadOnlyList<ScoreBucket> ScoreHistogram,
    IReadOnlyList<ClassFeedback> FeedbackByClass,
    IReadOnlyList<ExamAnnotatorSummary> Annotators);

/// <summary>Finished attempts whose score is in <c>[From, To)</c> (the last bucket includes 100).</summary>
public sealed record ScoreBucket(double From, double To, int Count);

/// <summary>The feedback reasons given on one class across the finished attempts, most frequent first.</summary>
public sealed record ClassFeedback(string ClassId, int Total, IReadOnlyList<ReasonCount> Reasons);

/// <summary>How often a feedback reason was given.</summary>
public sealed record ReasonCount(FeedbackReason Reason, int Count);

/// <summary>
/// One user's attempts at the exam finished in the period: their count, best and last score, whether any passed,
/// and the attempt number of the first pass (null when none passed).
/// </summary>
public sealed record ExamAnnotatorSummary(string UserId, int Attempts, double BestScore, double LastScore, bool Passed, int? PassedOnAttempt);
