using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Access;

namespace FuncLabel.Data.Users;

/// <summary>
/// The user-side index of a membership (container <c>users</c>, pk <c>{userId}</c>, id <c>membership:{projectId}</c>),
/// kept in step with <c>member:{userId}</c> through its outbox; answers "my projects" in one partition.
/// Authorization never reads it: the project's member document is the truth.
/// </summary>
internal sealed record MembershipDocument : IndexDocument
{
    public override string DocType => "membership";

    public required string UserId { get; init; }

    public required string ProjectId { get; init; }

    public required ProjectRole Role { get; init; }

    public static string IdFor(string projectId) => $"membership:{projectId}";
}
