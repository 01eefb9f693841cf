using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using FuncLabel.Functions.Security;
using Microsoft.AspNetCore.Http;
using FuncLabel.Functions.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static FuncLabel.Functions.Tests.Training.TrainingSeed;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>
/// The gold canary: a unique marker is planted in every gold answer (a template's free-text comment and a car's note,
/// in two content versions); then every endpoint the app maps (from the endpoint data source) is called as an annotator
/// with real ids for its route parameters, after the annotator has practised, answered and finished an exam that uses
/// the template. The marker must not appear in any response body.
/// </summary>
public sealed class GoldCanaryTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task EveryEndpoint_AsAnnotator_NeverReturnsGold()
    {
        var marker = "CANARY" + Guid.NewGuid().ToString("N");
        var project = await app.SeedProjectAsync(("gc-owner", "owner"), ("gc-annotator", "annotator"));
        using var owner = app.ClientFor("gc-owner");
        using var admin = app.ClientFor("gc-admin", admin: true);
        using var annotator = app.ClientFor("gc-annotator");
        var type = "gc-" + Guid.NewGuid().ToString("N")[..8];
        await PutOntologyAsync(owner, project);
        await CreateTemplateAsync(owner, project, "canary", Box(1, 130), $"{Box(2, 100, note: marker)}, {Comment(3, marker)}");
        using (var edit = await owner.PatchAsync($"/api/projects/{project}/templates/canary", Json($$"""{ "gold": [ {{Box(4, 100, note: marker + "v2")}}, {{Comment(5, marker + "v2")}} ] }""")))
        {
            Assert.True(edit.IsSuccessStatusCode);
        }

        await CreateCredentialTypeAsync(admin, type, validityDays: null);
        await CreateExamAsync(owner, project, "canary-exam", ["canary"], 0, 3, [type]);

        // The annotator's own activity first, so their views have everything they could have.
        var bodies = new List<(string Call, string Body)>();
        async Task Record(string call, Task<HttpResponseMessage> send)
        {
            using var response = await send;
            bodies.Add((call, await response.Content.ReadAsStringAsync()));
        }

        await Record("practice wrong", annotator.PostAsync($"/api/projects/{project}/templates/canary/practice", Json($$"""{ "answer": [ {{Box(11, 100, note: "guess")}} ] }""")));
        await Record("practice empty", annotator.PostAsync($"/api/projects/{project}/templates/canary/practice", Json("""{ "answer": [] }""")));
        var attempt = await StartAttemptAsync(annotator, project, "canary-exam");
        await Record("answer", annotator.PostAsync($"/api/attempts/{attempt}/items/canary/score", Json($$"""{ "answer": [ {{Comment(12, "a guess")}} ] }""")));
        await Record("finish", annotator.PostAsync($"/api/attempts/{attempt}/finish", Json("{}")));

        var ids = new Dictionary<string, string>
        {
            ["projectId"] = project,
            ["templateId"] = "canary",
            ["examId"] = "canary-exam",
            ["attemptId"] = attempt,
            ["itemId"] = "canary",
            ["userId"] = "gc-annotator",
            ["typeId"] = type,
        };
        foreach (var route in ApiRoutes.All)
        {
            var path = Regex.Replace(route.Pattern, "{([^}:?*]+)[^}]*}", m => ids.GetValueOrDefault(m.Groups[1].Value, "x-missing-" + m.Groups[1].Value.ToLowerInvariant()));
            var method = route.Method;
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is not ("GET" or "DELETE" or "HEAD"))
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                await Record($"{method} {path}", annotator.SendAsync(request));
            }
        }

        // Control: the owner does see the marker, so the test could fail.
        using (var ownerView = await owner.GetAsync($"/api/projects/{project}/templates/canary"))
        {
            Assert.Contains(marker, await ownerView.Content.ReadAsStringAsync());
        }

        Assert.True(bodies.Count > 40, $"only {bodies.Count} calls");
        var leaks = bodies.Where(b => b.Body.Contains(marker, StringComparison.Ordinal)).Select(b => b.Call).ToList();
        Assert.True(leaks.Count == 0, "gold leaked through: " + string.Join(", ", leaks));
    }
}
