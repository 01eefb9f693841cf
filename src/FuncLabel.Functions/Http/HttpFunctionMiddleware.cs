using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Http.Converters;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace FuncLabel.Functions.Http;

/// <summary>
/// What every HTTP function gets before and around its body, driven by the attributes on its method
/// (<see cref="HttpFunctionCatalog"/>): CORS (preflight answered here), the body limit, the access rule (bearer token,
/// platform admin, project membership and role), JSON body binding, and problem details for anything that escapes.
/// Non-HTTP invocations pass straight through.
/// </summary>
/// <remarks>
/// Runs inside the ASP.NET Core integration's own middleware, which has paired the invocation with its HTTP request and
/// executes whatever result is left on the invocation (an <see cref="IResult"/> here) once this returns. Refusals set
/// such a result and do not call the function.
/// </remarks>
internal sealed class HttpFunctionMiddleware(
    HttpFunctionCatalog catalog,
    RequestLimitSettings limits,
    ICorsService cors,
    ICorsPolicyProvider corsPolicies,
    ILogger<HttpFunctionMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public const string ProjectRouteKey = "projectId";

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        if (catalog.ForEntryPoint(context.FunctionDefinition.EntryPoint) is not { } function
            || context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        try
        {
            if (await RefusalAsync(function, http) is { } refusal)
            {
                context.GetInvocationResult().Value = refusal;
                return;
            }

            context.Features.Set<IFromBodyConversionFeature>(JsonBodyConversion.Instance);
            await next(context);
        }
        catch (Exception e) when (!(e is OperationCanceledException && http.RequestAborted.IsCancellationRequested))
        {
            var status = ErrorStatus.For(e);
            if (status >= StatusCodes.Status500InternalServerError)
            {
                logger.LogError(e, "{Function} failed: {Method} {Path} answers {Status}", function.Name, http.Request.Method, http.Request.Path, status);
            }

            context.GetInvocationResult().Value = status switch
            {
                StatusCodes.Status409Conflict when ErrorStatus.Contention(e) is not null =>
                    Problems.Conflict("concurrent_change", "What this request changes kept changing under it; read it again and retry."),
                < StatusCodes.Status500InternalServerError when ErrorStatus.ClientError(e) is { } bad => TypedResults.Problem(bad.Message, statusCode: status),
                _ => TypedResults.Problem(statusCode: status),
            };
        }
    }

    /// <summary>The answer that stops the request before the function runs, or null to run it.</summary>
    private async Task<IResult?> RefusalAsync(HttpFunction function, HttpContext http)
    {
        var preflight = PreflightRouting.RestorePreflight(http);
        var policy = await corsPolicies.GetPolicyAsync(http, policyName: null);
        if (policy is not null && http.Request.Headers.Origin.Count > 0)
        {
            cors.ApplyResult(cors.EvaluatePolicy(http, policy), http.Response);
        }

        if (preflight)
        {
            return TypedResults.NoContent();
        }

        if (http.Request.ContentLength > limits.MaxBodyBytes)
        {
            return TypedResults.Problem(
                $"The body is {http.Request.ContentLength} bytes; the limit is {limits.MaxBodyBytes}.",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        if (http.Request.ContentLength is null)
        {
            http.Request.Body = new CountingStream(http.Request.Body, limits.MaxBodyBytes);
        }

        return await AccessRefusalAsync(function.Access, http);
    }

    /// <remarks>
    /// The member cache (and with it the project store) is resolved only for project rules: resolving it builds the
    /// Cosmos client, which anonymous functions (readiness, health, the OpenAPI document) should not pay for.
    /// </remarks>
    private static async Task<IResult?> AccessRefusalAsync(AccessRule rule, HttpContext http)
    {
        if (rule is AnonymousRule)
        {
            return null;
        }

        var authenticated = await http.AuthenticateAsync();
        if (authenticated.Succeeded)
        {
            http.User = authenticated.Principal;
        }

        if (Caller.From(http.User) is not { } caller)
        {
            return TypedResults.Challenge();
        }

        http.SetCaller(caller);
        switch (rule)
        {
            case PlatformAdminRule when !caller.IsAdmin:
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only platform admins may do this.", "forbidden");
            case ProjectMemberRule projectRule:
                var projectId = http.Request.RouteValues[ProjectRouteKey] as string ?? "";
                if (!Ids.IsProjectId(projectId))
                {
                    return Problems.Field(ProjectRouteKey, "not a project id (3–63 characters: a-z, 0-9, '-', starting with a letter or digit)");
                }

                var members = http.RequestServices.GetRequiredService<MemberCache>();
                var member = await members.GetAsync(projectId, caller.UserId, http.RequestAborted);
                var active = member is { IsActive: true } ? member : null;
                if (active is null && !caller.IsAdmin)
                {
                    return Problem(StatusCodes.Status404NotFound, "Not found", $"Project '{projectId}' was not found.", "not_a_member");
                }

                var access = new ProjectAccess(projectId, caller, active);
                if (!access.Has(projectRule.MinimumRole))
                {
                    return Problem(StatusCodes.Status403Forbidden, "Forbidden",
                        $"This needs the {projectRule.MinimumRole.ToString().ToLowerInvariant()} role in project '{projectId}'.", "forbidden");
                }

                http.SetProjectAccess(access);
                break;
        }

        return null;
    }

    private static ProblemHttpResult Problem(int status, string title, string detail, string code) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["code"] = code });
}
