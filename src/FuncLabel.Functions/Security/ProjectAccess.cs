using FuncLabel.Data.Projects;
using FuncLabel.Domain.Access;

namespace FuncLabel.Functions.Security;

/// <summary>What <see cref="AccessMiddleware"/> established about the caller and the route's project.</summary>
/// <param name="Member">The caller's active membership; null for a platform admin who is not a member.</param>
internal sealed record ProjectAccess(string ProjectId, Caller Caller, MemberDocument? Member)
{
    public bool Has(ProjectRole role) => Caller.IsAdmin || (Member is not null && Member.Role >= role);
}

internal static class HttpContextAccessExtensions
{
    private const string CallerKey = "FuncLabel.Caller";
    private const string ProjectKey = "FuncLabel.ProjectAccess";

    /// <summary>The authenticated caller; only on endpoints whose rule requires authentication.</summary>
    public static Caller Caller(this HttpContext context) =>
        context.Items[CallerKey] as Caller ?? throw new InvalidOperationException("The endpoint's access rule does not authenticate the caller.");

    public static ProjectAccess ProjectAccess(this HttpContext context) =>
        context.Items[ProjectKey] as ProjectAccess ?? throw new InvalidOperationException("The endpoint's access rule is not a project rule.");

    internal static void SetCaller(this HttpContext context, Caller caller) => context.Items[CallerKey] = caller;

    internal static void SetProjectAccess(this HttpContext context, ProjectAccess access) => context.Items[ProjectKey] = access;
}
