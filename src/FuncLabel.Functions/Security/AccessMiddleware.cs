using FuncLabel.Data.Projects;
using Microsoft.AspNetCore.Authentication;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Security;

/// <summary>
/// Enforces each endpoint's <see cref="AccessRule"/> after routing and authentication. Project rules read
/// the caller's member document (one point read, cached a few seconds: <see cref="MemberCache"/>); a non-member gets 404, so a project's existence is not
/// revealed to outsiders; a member whose role is too low gets 403.
/// </summary>
public sealed class AccessMiddleware(RequestDelegate next)
{
    public const string ProjectRouteKey = "projectId";

    /// <remarks>
    /// The member cache (and with it the project store) is resolved only for project rules: resolving it builds the Cosmos client, which the host's
    /// readiness probe (<c>GET /</c>) and other anonymous or host-only endpoints should not pay for (start-up time).
    /// </remarks>
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            await next(context);
            return;
        }

        var rule = endpoint.Metadata.GetMetadata<AccessRule>();
        if (rule is null)
        {
            await Problems.Write(context, StatusCodes.Status403Forbidden, "No access rule", "This endpoint declares no access rule, so nobody may call it.", "no_access_rule");
            return;
        }

        if (rule is AnonymousRule or FunctionsHostRule)
        {
            await next(context);
            return;
        }

        var caller = Caller.From(context.User);
        if (caller is null)
        {
            await context.ChallengeAsync();
            return;
        }

        context.SetCaller(caller);
        switch (rule)
        {
            case PlatformAdminRule when !caller.IsAdmin:
                await Problems.Write(context, StatusCodes.Status403Forbidden, "Forbidden", "Only platform admins may do this.", "forbidden");
                return;
            case ProjectMemberRule projectRule:
                var projectId = context.Request.RouteValues[ProjectRouteKey] as string ?? "";
                if (!Ids.IsProjectId(projectId))
                {
                    await Problems.WriteFieldError(context, ProjectRouteKey, "not a project id (3–63 characters: a-z, 0-9, '-', starting with a letter or digit)");
                    return;
                }

                var members = context.RequestServices.GetRequiredService<MemberCache>();
                var member = await members.GetAsync(projectId, caller.UserId, context.RequestAborted);
                var active = member is { IsActive: true } ? member : null;
                if (active is null && !caller.IsAdmin)
                {
                    await Problems.Write(context, StatusCodes.Status404NotFound, "Not found", $"Project '{projectId}' was not found.", "not_a_member");
                    return;
                }

                var access = new ProjectAccess(projectId, caller, active);
                if (!access.Has(projectRule.MinimumRole))
                {
                    await Problems.Write(context, StatusCodes.Status403Forbidden, "Forbidden",
                        $"This needs the {projectRule.MinimumRole.ToString().ToLowerInvariant()} role in project '{projectId}'.", "forbidden");
                    return;
                }

                context.SetProjectAccess(access);
                break;
        }

        await next(context);
    }
}
