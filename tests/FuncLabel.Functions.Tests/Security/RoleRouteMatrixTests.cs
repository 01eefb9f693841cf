using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Security;
using Microsoft.AspNetCore.Http;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Tests.Hosting;

namespace FuncLabel.Functions.Tests.Security;

/// <summary>
/// Every HTTP function of the app (<see cref="ApiRoutes"/>, so new functions are covered without touching this test), called as anonymous, a member of another project, annotator, reviewer,
/// owner and admin; the answer must match the endpoint's declared <see cref="AccessRule"/>.
/// </summary>
public sealed class RoleRouteMatrixTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private enum Caller { Anonymous, Outsider, Annotator, Reviewer, Owner, Admin }

    private static readonly string[] DenialCodes = ["forbidden", "not_a_member"];

    [Fact]
    public void AFunctionWithoutAnAccessRule_StopsTheAppFromStarting()
    {
        var refused = Assert.Throws<InvalidOperationException>(() => HttpFunctionCatalog.Build(typeof(UndeclaredFunction).Assembly));
        Assert.Contains(nameof(UndeclaredFunction), refused.Message);
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

        foreach (var route in ApiRoutes.All)
        {
            var rule = route.Function.Access;
            var path = Regex.Replace(route.Pattern, "{([^}:?*]+)[^}]*}", m => m.Groups[1].Value switch
            {
                "projectId" => project,
                "userId" => "someone-else",
                _ => "x-missing-" + m.Groups[1].Value.ToLowerInvariant(),
            });
            var method = route.Method;
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

}

/// <summary>An HTTP function that forgot its access rule: the catalog must refuse the assembly that holds it.</summary>
internal sealed class UndeclaredFunction
{
    [Microsoft.Azure.Functions.Worker.Function(nameof(UndeclaredFunction))]
    public IResult Run([Microsoft.Azure.Functions.Worker.HttpTrigger(Microsoft.Azure.Functions.Worker.AuthorizationLevel.Anonymous, "get", Route = "undeclared")] HttpRequest req) =>
        TypedResults.Ok();
}
