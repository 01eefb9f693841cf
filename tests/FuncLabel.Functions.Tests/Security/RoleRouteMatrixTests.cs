using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Security;

/// <summary>
/// Every endpoint the app maps (read from ASP.NET Core's endpoint data source, so new routes are covered
/// without touching this test), called as anonymous, a member of another project, annotator, reviewer,
/// owner and admin; the answer must match the endpoint's declared <see cref="AccessRule"/>.
/// </summary>
public sealed class RoleRouteMatrixTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private enum Caller { Anonymous, Outsider, Annotator, Reviewer, Owner, Admin }

    private static readonly string[] DenialCodes = ["forbidden", "not_a_member", "no_access_rule"];

    [Fact]
    public void EveryEndpoint_DeclaresAnAccessRule()
    {
        var undeclared = Endpoints().Where(e => e.Metadata.GetMetadata<AccessRule>() is null).Select(Describe).ToList();
        Assert.True(undeclared.Count == 0, "Endpoints without an access rule: " + string.Join(", ", undeclared));
    }

    [Fact]
    public void FunctionsHostEndpoints_AreOutsideTheForwardedApiPath()
    {
        foreach (var endpoint in Endpoints().Where(e => e.Metadata.GetMetadata<AccessRule>() is FunctionsHostRule))
        {
            Assert.False(endpoint.RoutePattern.RawText!.TrimStart('/').StartsWith("api", StringComparison.Ordinal), Describe(endpoint));
        }
    }

    [Fact]
    public async Task EveryEndpoint_AnswersEachCallerAsItsRuleSays()
    {
        var project = await app.SeedProjectAsync(("m-annotator", "annotator"), ("m-reviewer", "reviewer"), ("m-owner", "owner"));
        await app.SeedProjectAsync(("m-outsider", "owner"));
        var clients = new Dictionary<Caller, HttpClient>
        {
            [Caller.Anonymous] = app.ClientFor(null),
            [Caller.Outsider] = app.ClientFor("m-outsider"),
            [Caller.Annotator] = app.ClientFor("m-annotator"),
            [Caller.Reviewer] = app.ClientFor("m-reviewer"),
            [Caller.Owner] = app.ClientFor("m-owner"),
            [Caller.Admin] = app.ClientFor("m-admin", admin: true),
        };
        var failures = new List<string>();
        var checkedCount = 0;

        foreach (var endpoint in Endpoints())
        {
            var rule = endpoint.Metadata.GetMetadata<AccessRule>();
            if (rule is null or FunctionsHostRule)
            {
                continue;
            }

            var path = Regex.Replace(endpoint.RoutePattern.RawText!, "{([^}:?*]+)[^}]*}", m => m.Groups[1].Value switch
            {
                "projectId" => project,
                "userId" => "someone-else",
                _ => "x-missing-" + m.Groups[1].Value.ToLowerInvariant(),
            });
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                foreach (var (caller, client) in clients)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path);
                    if (method is not ("GET" or "DELETE" or "HEAD"))
                    {
                        request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                    }

                    using var response = await client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    var code = Regex.Match(body, "\"code\"\\s*:\\s*\"([a-z_]+)\"").Groups[1].Value;
                    var expected = Expected(rule, caller);
                    var actual = response.StatusCode == HttpStatusCode.Unauthorized ? "401"
                        : DenialCodes.Contains(code) ? $"{(int)response.StatusCode}:{code}"
                        : "allowed";
                    checkedCount++;
                    if (actual != expected)
                    {
                        failures.Add($"{method} {path} as {caller}: expected {expected}, got {actual} ({(int)response.StatusCode})");
                    }
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(checkedCount > 30, $"only {checkedCount} calls were checked");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string Expected(AccessRule rule, Caller caller) => (rule, caller) switch
    {
        (AnonymousRule, _) => "allowed",
        (_, Caller.Anonymous) => "401",
        (AuthenticatedRule or ResourceOwnerRule, _) => "allowed",
        (PlatformAdminRule, Caller.Admin) => "allowed",
        (PlatformAdminRule, _) => "403:forbidden",
        (ProjectMemberRule, Caller.Admin) => "allowed",
        (ProjectMemberRule, Caller.Outsider) => "404:not_a_member",
        (ProjectMemberRule p, _) => RoleOf(caller) >= p.MinimumRole ? "allowed" : "403:forbidden",
        _ => throw new InvalidOperationException($"No expectation for {rule} as {caller}."),
    };

    private static ProjectRole RoleOf(Caller caller) => caller switch
    {
        Caller.Annotator => ProjectRole.Annotator,
        Caller.Reviewer => ProjectRole.Reviewer,
        Caller.Owner => ProjectRole.Owner,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private IEnumerable<RouteEndpoint> Endpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();

    private static string Describe(RouteEndpoint e) =>
        $"{string.Join('|', e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])} {e.RoutePattern.RawText}";
}
