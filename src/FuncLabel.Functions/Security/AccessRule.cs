using FuncLabel.Domain.Access;

namespace FuncLabel.Functions.Security;

/// <summary>
/// Who may call an endpoint, declared next to its route (<c>.Allow(AccessRule.ProjectMember(ProjectRole.Owner))</c>)
/// and enforced by <see cref="AccessMiddleware"/>. An endpoint without a rule is refused (fail closed), and the
/// role × route test fails. Checks on a specific resource (a task's holder, an attempt's owner) happen where the
/// handler loads it; <see cref="ResourceOwner"/> marks those endpoints.
/// </summary>
public abstract record AccessRule
{
    public static readonly AccessRule Anonymous = new AnonymousRule();
    public static readonly AccessRule Authenticated = new AuthenticatedRule();
    public static readonly AccessRule PlatformAdmin = new PlatformAdminRule();
    public static readonly AccessRule ResourceOwner = new ResourceOwnerRule();

    /// <summary>Called by the Functions host on loopback (<c>POST /{FunctionName}</c>); never reachable through <c>/api</c> forwarding.</summary>
    public static readonly AccessRule FunctionsHost = new FunctionsHostRule();

    /// <summary>A member of the route's project with at least <paramref name="role"/>; platform admins always pass.</summary>
    public static AccessRule ProjectMember(ProjectRole role) => new ProjectMemberRule(role);
}

public sealed record AnonymousRule : AccessRule;

public sealed record AuthenticatedRule : AccessRule;

public sealed record PlatformAdminRule : AccessRule;

public sealed record ResourceOwnerRule : AccessRule;

public sealed record FunctionsHostRule : AccessRule;

public sealed record ProjectMemberRule(ProjectRole MinimumRole) : AccessRule;

public static class AccessRuleExtensions
{
    public static TBuilder Allow<TBuilder>(this TBuilder builder, AccessRule rule)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithMetadata(rule);
        return builder;
    }
}
