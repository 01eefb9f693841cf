using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// Claim expiry and renewal through HTTP with the app's manual clock (claim timeout 30 minutes): an expired claim is
/// free for others; saving a draft renews it; a late submit is accepted until someone takes the slot over.
/// </summary>
public sealed class ClaimExpiryTests(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task Claim_ExpiresAfterTimeout_ThenAnotherTakesItOver()
    {
        var (projectId, u1, u2) = await OneAssetJobAsync("expiry");
        var task = await WorkSeed.ClaimAsync(u1, projectId, "expiry", "draw");
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(30), (DateTimeOffset)task["claimExpiresAt"]!);

        app.Time.Advance(TimeSpan.FromMinutes(29));
        await AssertNothingClaimableAsync(u2, projectId, "expiry");

        app.Time.Advance(TimeSpan.FromMinutes(2));
        var taken = await WorkSeed.ClaimAsync(u2, projectId, "expiry", "draw");
        Assert.Equal((string)task["id"]!, (string)taken["id"]!);

        using var late = await WorkSeed.SubmitAsync(u1, projectId, "expiry", task, WorkSeed.Box(1, 1));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
        using var submitted = await WorkSeed.SubmitAsync(u2, projectId, "expiry", taken, WorkSeed.Box(1, 1));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
    }

    [Fact]
    public async Task Draft_RenewsTheClaim_AndStaleIfMatchIsRefused()
    {
        var (projectId, u1, u2) = await OneAssetJobAsync("renew");
        using var claim = await u1.PostAsJsonAsync($"/api/projects/{projectId}/jobs/renew/tasks/claim", new { kind = "draw" });
        var task = await claim.JsonAsync();
        var etag = claim.Headers.ETag!;
        var draftUrl = $"/api/projects/{projectId}/jobs/renew/tasks/{task["id"]}/draft";

        app.Time.Advance(TimeSpan.FromMinutes(20));
        using var save = new HttpRequestMessage(HttpMethod.Put, draftUrl) { Content = JsonContent.Create(new { annotations = new[] { WorkSeed.Box(5, 5) } }) };
        save.Headers.IfMatch.Add(etag);
        using var saved = await u1.SendAsync(save);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(app.Time.GetUtcNow().AddMinutes(30), (DateTimeOffset)(await saved.JsonAsync())["claimExpiresAt"]!);

        using var stale = new HttpRequestMessage(HttpMethod.Put, draftUrl) { Content = JsonContent.Create(new { annotations = Array.Empty<object>() }) };
        stale.Headers.IfMatch.Add(etag);
        using var refused = await u1.SendAsync(stale);
        Assert.Equal(HttpStatusCode.PreconditionFailed, refused.StatusCode);

        // 40 minutes after the claim, 20 after the renewal: still u1's; the draft is what u1 reopens.
        app.Time.Advance(TimeSpan.FromMinutes(20));
        await AssertNothingClaimableAsync(u2, projectId, "renew");
        using var opened = await u1.GetAsync($"/api/projects/{projectId}/jobs/renew/tasks/{task["id"]}");
        Assert.Single((await opened.JsonAsync())["start"]!.AsArray());

        app.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal((string)task["id"]!, (string)(await WorkSeed.ClaimAsync(u2, projectId, "renew", "draw"))["id"]!);
    }

    [Fact]
    public async Task LateSubmit_AcceptedWhileNobodyTookTheSlotOver()
    {
        var (projectId, u1, u2) = await OneAssetJobAsync("late");
        var task = await WorkSeed.ClaimAsync(u1, projectId, "late", "draw");
        app.Time.Advance(TimeSpan.FromMinutes(90));

        using var mine = await u1.GetAsync($"/api/projects/{projectId}/jobs/late/tasks/mine");
        Assert.Single((await mine.JsonAsync())["items"]!.AsArray());
        using var submitted = await WorkSeed.SubmitAsync(u1, projectId, "late", task, WorkSeed.Box(1, 1));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        await AssertNothingClaimableAsync(u2, projectId, "late");
    }

    private async Task<(string ProjectId, HttpClient U1, HttpClient U2)> OneAssetJobAsync(string jobId)
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        using var owner = app.ClientFor("owner-" + projectId, admin: true);
        using (var project = await owner.PostAsJsonAsync("/api/projects", new { id = projectId, name = "Expiry" }))
        {
            Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        }

        foreach (var user in new[] { "u1", "u2" })
        {
            using var put = await owner.PutAsJsonAsync($"/api/projects/{projectId}/members/{user}", new { role = "annotator" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        await WorkSeed.ActiveJobWithOneAssetAsync(app.Services, app.Time, owner, projectId, jobId);
        return (projectId, app.ClientFor("u1"), app.ClientFor("u2"));
    }

    private static async Task AssertNothingClaimableAsync(HttpClient client, string projectId, string jobId)
    {
        using var none = await client.PostAsJsonAsync($"/api/projects/{projectId}/jobs/{jobId}/tasks/claim", new { kind = "draw" });
        Assert.Equal(HttpStatusCode.NoContent, none.StatusCode);
    }
}
