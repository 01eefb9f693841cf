using FuncLabel.Domain.Access;
using FuncLabel.Functions.Security;

namespace FuncLabel.Functions.Http;

/// <summary>Who may call an HTTP function, as written on the method (<see cref="AccessAttribute"/>).</summary>
internal enum Callers
{
    /// <summary>Anyone, without a token.</summary>
    Anonymous,

    /// <summary>Any caller with a valid token.</summary>
    Authenticated,

    /// <summary>Platform admins only (the <c>FuncLabel.Admin</c> token role).</summary>
    PlatformAdmin,

    /// <summary>An authenticated caller; the function checks the loaded resource is theirs (404 otherwise).</summary>
    ResourceOwner,

    /// <summary>A member of the route's project with at least the attribute's role; platform admins always pass.</summary>
    ProjectMember,
}

/// <summary>
/// The access rule of an HTTP function, enforced by the worker middleware before the function runs
/// (<see cref="HttpFunctionMiddleware"/>). Every HTTP function carries exactly one; the app refuses to start otherwise
/// (<see cref="HttpFunctionCatalog"/>), so a new function cannot be left open by omission.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class AccessAttribute(Callers callers, ProjectRole minimumRole = ProjectRole.Annotator) : Attribute
{
    public Callers Callers { get; } = callers;

    public ProjectRole MinimumRole { get; } = minimumRole;

    public AccessRule Rule => Callers switch
    {
        Callers.Anonymous => AccessRule.Anonymous,
        Callers.Authenticated => AccessRule.Authenticated,
        Callers.PlatformAdmin => AccessRule.PlatformAdmin,
        Callers.ResourceOwner => AccessRule.ResourceOwner,
        Callers.ProjectMember => AccessRule.ProjectMember(MinimumRole),
        _ => throw new InvalidOperationException($"Unknown callers '{Callers}'."),
    };
}

/// <summary>
/// Marks a non-GET HTTP function that changes no state (a computation such as <c>POST /api/score</c> or an import dry
/// run), so it owes no ledger event; the ledger coverage test holds every other non-GET function to one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ChangesNoStateAttribute : Attribute;

/// <summary>The operation's one-line summary and tag in <c>/api/openapi.json</c>.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class OperationAttribute(string tag, string summary) : Attribute
{
    public string Tag { get; } = tag;

    public string Summary { get; } = summary;
}

/// <summary>A query parameter the function reads, for <c>/api/openapi.json</c> (the worker binds none by itself).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
internal sealed class QueryAttribute(string name, Type type, string description) : Attribute
{
    public string Name { get; } = name;

    public Type Type { get; } = type;

    public string Description { get; } = description;
}
