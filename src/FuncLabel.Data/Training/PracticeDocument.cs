using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Training;

namespace FuncLabel.Data.Training;

/// <summary>
/// One "calculate score" of a practice run: container <c>users</c>, pk <c>{userId}</c>, id <c>practice:{practiceId}</c>.
/// The user's practice history is these documents; the answer itself is not kept (only its size), the feedback is.
/// </summary>
internal sealed record PracticeDocument : VersionedDocument
{
    public override string DocType => "practice";

    public required string PracticeId { get; init; }

    public required string UserId { get; init; }

    public required string ProjectId { get; init; }

    public required string TemplateId { get; init; }

    public required int TemplateVersion { get; init; }

    public required DateTimeOffset At { get; init; }

    public required double Score { get; init; }

    public required int AnswerCount { get; init; }

    public required IReadOnlyList<TraineeFeedback> Feedback { get; init; }

    public static string IdFor(string practiceId) => $"practice:{practiceId}";

    public static string Resource(string userId, string practiceId) => $"practice:{userId}:{practiceId}";
}
