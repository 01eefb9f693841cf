using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Training;

namespace FuncLabel.Data.Training;

/// <summary>
/// One item of an attempt: a template pinned at the version (and pass overlap, asset size) current when the attempt started, the trainee's last
/// answer, and — after finishing only — its score and feedback (reasons without overlaps).
/// </summary>
internal sealed record AttemptItem(
    string ItemId,
    string TemplateId,
    int TemplateVersion,
    string AssetId,
    string ContentId,
    double PassOverlap,
    AssetExtent Extent,
    IReadOnlyList<Annotation>? Answer = null,
    DateTimeOffset? AnsweredAt = null,
    double? Score = null,
    IReadOnlyList<TraineeFeedback>? Feedback = null);

/// <summary>
/// An exam attempt: container <c>users</c>, pk <c>{userId}</c>, id <c>attempt:{attemptId}</c> (<see cref="AttemptIds"/>).
/// Every change — an answer, the finish — is one conditional write on this document; the finish is the write that
/// moves <see cref="FinishedAt"/> from null, so of two concurrent finishes exactly one succeeds, and only that one
/// carries the credential-grant outbox entries.
/// </summary>
internal sealed record AttemptDocument : VersionedDocument
{
    public override string DocType => "attempt";

    public required string AttemptId { get; init; }

    public required string UserId { get; init; }

    public required string ProjectId { get; init; }

    public required string ExamId { get; init; }

    /// <summary>1 for the user's first attempt at the exam; never more than the exam's allowed attempts.</summary>
    public required int Number { get; init; }

    /// <summary>The pass mark and awards as they were when the attempt started.</summary>
    public required double PassMark { get; init; }

    public required IReadOnlyList<string> AwardsCredentialTypeIds { get; init; }

    public required IReadOnlyList<AttemptItem> Items { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public double? Score { get; init; }

    public bool? Passed { get; init; }

    public bool IsFinished => FinishedAt is not null;

    public static string IdFor(string attemptId) => $"attempt:{attemptId}";

    public static string Resource(string attemptId) => $"attempt:{attemptId}";
}
