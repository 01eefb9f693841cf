using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Access;

namespace FuncLabel.Data.Projects;

/// <summary>
/// A person's role in a project: container <c>projects</c>, pk <c>{projectId}</c>, id <c>member:{userId}</c>.
/// Removal keeps the document with <see cref="RemovedAt"/> so versions (and the users index) stay monotonic.
/// </summary>
internal sealed record MemberDocument : VersionedDocument
{
    public override string DocType => "member";

    public required string ProjectId { get; init; }

    public required string UserId { get; init; }

    public required ProjectRole Role { get; init; }

    public required string ChangedBy { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public DateTimeOffset? RemovedAt { get; init; }

    public bool IsActive => RemovedAt is null;

    public static string IdFor(string userId) => $"member:{userId}";

    public static string Resource(string projectId, string userId) => $"member:{projectId}:{userId}";
}
