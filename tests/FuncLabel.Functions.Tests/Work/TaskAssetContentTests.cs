using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using FuncLabel.Functions.Tests.Ingestion;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// <c>GET …/assets/{assetId}/content</c> for members who are not owners: allowed while they hold a live claim (draw or
/// review) on the asset in a job of the project, 404 otherwise — before the claim, for other members, after a release,
/// an expiry, a submit or a review. The asset is ingested through the real queue function (bytes in Azurite).
/// </summary>
public sealed class TaskAssetContentTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Content_ForHoldersOfALiveClaimOnly()
    {
        var project = await app.SeedProjectAsync(("holder", "annotator"), ("bystander", "annotator"), ("checker", "reviewer"));
        using var owner = app.ClientFor("admin-" + project, admin: true);
        var png = Domain.Tests.Ingestion.Generated.Png(64, 48);
        await new IngestionHarness(app).IngestAssetAsync(project, "held/one.png", png);
        var assetId = (string)(await owner.GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>($"/api/projects/{project}/assets"))!["items"]![0]!["id"]!;
        await WorkSeed.LaunchOnAssetAsync(app.Services, owner, project, "main", assetId, passesPerFile: 1, reviewFrequency: 1);
        using var holder = app.ClientFor("holder");
        using var bystander = app.ClientFor("bystander");
        using var checker = app.ClientFor("checker");
        var content = $"/api/projects/{project}/assets/{assetId}/content";

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(holder, content));

        var task = await WorkSeed.ClaimAsync(holder, project, "main", "draw");
        using (var whole = await holder.GetAsync(content))
        {
            Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
            Assert.Equal(png, await whole.Content.ReadAsByteArrayAsync());
        }

        using (var ranged = new HttpRequestMessage(HttpMethod.Get, content) { Headers = { Range = new RangeHeaderValue(2, 5) } })
        using (var partial = await holder.SendAsync(ranged))
        {
            Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
            Assert.Equal(png[2..6], await partial.Content.ReadAsByteArrayAsync());
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(bystander, content));

        using (var released = await holder.PostAsync($"/api/projects/{project}/jobs/main/tasks/{task["id"]}/release", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, released.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(holder, content));

        // An expired claim no longer opens the bytes; claimed again, they do; submitted, the task is no longer held.
        task = await WorkSeed.ClaimAsync(holder, project, "main", "draw");
        app.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(holder, content));
        task = await WorkSeed.ClaimAsync(holder, project, "main", "draw");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(holder, content));
        using var submitted = await WorkSeed.SubmitAsync(holder, project, "main", task, WorkSeed.Box(1, 1));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(holder, content));

        // Every submission is reviewed (k = 1): the reviewer holding the review reads the bytes until the review is done.
        Assert.Equal("work.review_selected", await WorkSeed.FanOutSubmissionAsync(app.Services, project, "main", await submitted.JsonAsync()));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(checker, content));
        var review = await WorkSeed.ClaimAsync(checker, project, "main", "review");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(checker, content));
        using (var approved = await checker.PostAsJsonAsync($"/api/projects/{project}/jobs/main/tasks/{review["id"]}/review", new { outcome = "approve" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(checker, content));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(owner, content));
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return response.StatusCode;
    }
}
