using FuncLabel.Domain.Access;

namespace FuncLabel.Functions.Security;

/// <summary>
/// Who may call an HTTP function, declared on its method (<see cref="Http.AccessAttribute"/>) and enforced by
/// <see cref="Http.HttpFunctionMiddleware"/>. The app refuses to start with a function that declares none, and the
/// role × route test enumerates every function. Checks on a specific resource (a task's holder, an attempt's owner) happen where the
/// handler loads it; <see cref="ResourceOwner"/> marks those endpoints.
/// </summary>
internal abstract record AccessRule
{
    public static readonly AccessRule Anonymous = new AnonymousRule();
    public static readonly AccessRule Authenticated = new AuthenticatedRule();
    public static readonly AccessRule PlatformAdmin = new PlatformAdminRule();
    public static readonly AccessRule ResourceOwner = new ResourceOwnerRule();

    /// <summary>A member of the route's project with at least <paramref name="role"/>; platform admins always pass.</summary>
    public static AccessRule ProjectMember(ProjectRole role) => new ProjectMemberRule(role);
}

internal sealed record AnonymousRule : AccessRule;

internal sealed record AuthenticatedRule : AccessRule;

internal sealed record PlatformAdminRule : AccessRule;

internal sealed record ResourceOwnerRule : AccessRule;

internal sealed record ProjectMemberRule(ProjectRole MinimumRole) : AccessRule;
