using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Training;

/// <summary>
/// An exam: container <c>projects</c>, pk <c>{projectId}</c>, id <c>exam:{examId}</c>. Ordered templates, a pass mark
/// (0–100, compared with the mean item score), the number of attempts each person is allowed, and the credential
/// types a pass awards.
/// </summary>
internal sealed record ExamDocument : VersionedDocument
{
    public override string DocType => "exam";

    public required string ProjectId { get; init; }

    public required string ExamId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required IReadOnlyList<string> TemplateIds { get; init; }

    public required double PassMark { get; init; }

    public required int AllowedAttempts { get; init; }

    public IReadOnlyList<string> AwardsCredentialTypeIds { get; init; } = [];

    public bool Enabled { get; init; } = true;

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public static string IdFor(string examId) => $"exam:{examId}";

    public static string Resource(string projectId, string examId) => $"exam:{projectId}:{examId}";
}
