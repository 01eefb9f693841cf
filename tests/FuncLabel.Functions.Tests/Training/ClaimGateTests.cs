using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncLabel.Data.Work;
using FuncLabel.Functions.Tests.Work;
using FuncLabel.Functions.Training;
using FuncLabel.Functions.Work;
using Microsoft.Extensions.DependencyInjection;
using static FuncLabel.Functions.Tests.Training.TrainingSeed;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>
/// Jobs' <c>requiredCredentials</c> through the HTTP API: validated on create and update, shown in job views, and
/// checked at every claim with the injected clock (expiry, revocation, offline grants).
/// </summary>
public sealed class ClaimGateTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Claim_MissingExpiredRevoked_RefusedNamingTheType_OfflineGrantOpensIt()
    {
        var project = await app.SeedProjectAsync(("cg-owner", "owner"), ("cg-user", "annotator"));
        using var admin = app.ClientFor("cg-admin", admin: true);
        using var owner = app.ClientFor("cg-owner");
        using var user = app.ClientFor("cg-user");
        var medical = "md-" + Guid.NewGuid().ToString("N")[..8];
        var nda = "nda-" + Guid.NewGuid().ToString("N")[..8];
        await CreateCredentialTypeAsync(admin, medical, validityDays: 30);
        await CreateCredentialTypeAsync(admin, nda, validityDays: null);
        await ActiveJobAsync(owner, project, "gated", [medical, nda]);

        using var view = await owner.GetAsync($"/api/projects/{project}/jobs/gated");
        Assert.Equal([medical, nda], (await view.JsonAsync())["requiredCredentials"]!.AsArray().Select(t => t!.GetValue<string>()));

        await AssertRefusedAsync(user, project, (medical, "missing"), (nda, "missing"));

        await GrantAsync(admin, medical);
        await AssertRefusedAsync(user, project, (nda, "missing"));
        await GrantAsync(admin, nda);
        await ClaimAndReleaseAsync(user, project, "gated");

        // The 30-day credential expires exactly 30 days after its grant: that instant is already expired.
        app.Time.Advance(TimeSpan.FromDays(30));
        await AssertRefusedAsync(user, project, (medical, "expired"));
        await GrantAsync(admin, medical);
        await ClaimAndReleaseAsync(user, project, "gated");

        using var revoke = await admin.PostAsJsonAsync($"/api/users/cg-user/credentials/{nda}/revoke", new { reason = "contract ended" });
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        await AssertRefusedAsync(user, project, (nda, "revoked"));

        // An offline grant by an admin (with its evidence) opens the job again.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        await GrantAsync(admin, nda);
        await ClaimAndReleaseAsync(user, project, "gated");
    }

    [Fact]
    public async Task Claim_JobWithoutRequirements_ServesAnyMember()
    {
        var project = await app.SeedProjectAsync(("cg2-owner", "owner"), ("cg2-user", "annotator"));
        using var owner = app.ClientFor("cg2-owner");
        using var user = app.ClientFor("cg2-user");
        await ActiveJobAsync(owner, project, "open", null);

        using var view = await owner.GetAsync($"/api/projects/{project}/jobs/open");
        Assert.Empty((await view.JsonAsync())["requiredCredentials"]!.AsArray());
        await ClaimAndReleaseAsync(user, project, "open");
    }

    [Fact]
    public async Task RequiredCredentials_UnknownOrRepeated_FieldErrorsOnCreateAndUpdate()
    {
        var project = await app.SeedProjectAsync(("cg3-owner", "owner"));
        using var admin = app.ClientFor("cg3-admin", admin: true);
        using var owner = app.ClientFor("cg3-owner");
        var known = "ok-" + Guid.NewGuid().ToString("N")[..8];
        await CreateCredentialTypeAsync(admin, known, validityDays: 10);

        using var create = await owner.PostAsJsonAsync($"/api/projects/{project}/jobs", new { id = "bad", name = "bad", requiredCredentials = new[] { known, "no-such-type", known, "Not An Id" } });
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        var errors = (await create.JsonAsync())["errors"]!.AsObject();
        Assert.Equal(["requiredCredentials[1]", "requiredCredentials[2]", "requiredCredentials[3]"], errors.Select(e => e.Key).Order());
        Assert.Contains("does not exist", errors["requiredCredentials[1]"]![0]!.GetValue<string>());
        Assert.Contains("twice", errors["requiredCredentials[2]"]![0]!.GetValue<string>());

        using var good = await owner.PostAsJsonAsync($"/api/projects/{project}/jobs", new { id = "good", name = "good", requiredCredentials = new[] { known } });
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        using var badPatch = await owner.PatchAsJsonAsync($"/api/projects/{project}/jobs/good", new { requiredCredentials = new[] { "no-such-type" } });
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
        Assert.NotNull((await badPatch.JsonAsync())["errors"]!["requiredCredentials[0]"]);

        using var cleared = await owner.PatchAsJsonAsync($"/api/projects/{project}/jobs/good", new { requiredCredentials = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.Empty((await cleared.JsonAsync())["requiredCredentials"]!.AsArray());
        using var kept = await owner.PatchAsJsonAsync($"/api/projects/{project}/jobs/good", new { name = "renamed" });
        Assert.Empty((await kept.JsonAsync())["requiredCredentials"]!.AsArray());
    }

    [Fact]
    public async Task OpenApi_DescribesRequiredCredentialsAndTemplatesFromTask()
    {
        using var client = app.ClientFor(null);
        using var response = await client.GetAsync("/api/openapi.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body["components"]!["schemas"]!["JobRequest"]!["properties"]!["requiredCredentials"]);
        Assert.NotNull(body["components"]!["schemas"]!["JobView"]!["properties"]!["requiredCredentials"]);
        Assert.NotNull(body["paths"]!["/api/projects/{projectId}/templates/from-task"]!["post"]);
        Assert.NotNull(body["components"]!["schemas"]!["TemplateFromTaskRequest"]!["properties"]!["taskId"]);
    }

    /// <summary>A job created through the API with the requirements, launched, and its one asset's work created as the launch pager would.</summary>
    private async Task ActiveJobAsync(HttpClient owner, string project, string jobId, string[]? required)
    {
        var asset = await WorkSeed.AssetAsync(app.Services, project, $"{jobId}/a.png", app.Time.GetUtcNow());
        using var created = await owner.PostAsJsonAsync($"/api/projects/{project}/jobs", new { id = jobId, name = jobId, requiredCredentials = required });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        using var launched = await owner.PostAsync($"/api/projects/{project}/jobs/{jobId}/launch", null);
        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
        var job = await app.Services.GetRequiredService<JobStore>().GetAsync(project, jobId, CancellationToken.None);
        await app.Services.GetRequiredService<WorkCreation>().EnsureAsync(job!, asset, CancellationToken.None);
    }

    private static async Task AssertRefusedAsync(HttpClient user, string project, params (string Type, string Status)[] expected)
    {
        using var claim = await user.PostAsJsonAsync($"/api/projects/{project}/jobs/gated/tasks/claim", new { kind = "draw" });
        var problem = await claim.JsonAsync();
        Assert.Equal(HttpStatusCode.Forbidden, claim.StatusCode);
        Assert.Equal("missing_credentials", problem["code"]!.GetValue<string>());
        Assert.Equal(expected, problem["missingCredentials"]!.AsArray().Select(m => (m!["typeId"]!.GetValue<string>(), m["status"]!.GetValue<string>())));
        foreach (var (type, status) in expected)
        {
            Assert.Contains($"{type} ({status})", problem["detail"]!.GetValue<string>());
        }
    }

    private static async Task ClaimAndReleaseAsync(HttpClient user, string project, string jobId)
    {
        JsonNode task = await WorkSeed.ClaimAsync(user, project, jobId, "draw");
        using var release = await user.PostAsync($"/api/projects/{project}/jobs/{jobId}/tasks/{task["id"]}/release", null);
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
    }

    private static async Task GrantAsync(HttpClient admin, string type)
    {
        using var response = await admin.PostAsJsonAsync("/api/users/cg-user/credentials", new { typeId = type, evidenceNote = "medical doctor, verified offline" });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }
}
