using FuncLabel.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Work;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// 200 assets × 3 passes, review of every 3rd submission, 50 people claiming concurrently through the real handler
/// until the job is drained, while the queue functions run; then the stored work items are checked one by one.
/// </summary>
public sealed class ClaimStormTests(JobsApp app) : IClassFixture<JobsApp>
{
    private const int Assets = 200;
    private const int People = 50;

    [OptInFact("FUNCLABEL_STORM", "200 assets x 3 passes x 50 users takes 7+ minutes against the local Cosmos server")]
    public async Task ClaimStorm_EverySlotDoneOnceByOnePerson()
    {
        var (projectId, owner) = await SeedProjectAsync(People);
        await app.SeedAssetsAsync(projectId, Assets);
        using var created = await owner.PostAsJsonAsync($"/api/projects/{projectId}/jobs", new { id = "storm", name = "Storm", passesPerFile = 3, reviewFrequency = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var launched = await owner.PostAsync($"/api/projects/{projectId}/jobs/storm/launch", null);
        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
        await app.PumpAsync();

        using var stop = new CancellationTokenSource();
        var pump = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (await app.PumpAsync() == 0)
                {
                    await Task.Delay(50);
                }
            }
        });
        var workers = Enumerable.Range(0, People).Select(i => Task.Run(() => WorkAsync(projectId, $"user-{i:D2}"))).ToList();
        await Task.WhenAll(workers);
        stop.Cancel();
        await pump;
        await app.PumpAsync();

        var items = await app.Services.GetRequiredService<WorkStore>().AllAsync("storm", CancellationToken.None).ToListAsync();
        Assert.Equal(Assets, items.Count);
        foreach (var item in items)
        {
            var passes = item.Item.Passes;
            Assert.Equal([1, 2, 3], passes.Select(p => p.Pass));
            Assert.All(passes, p => Assert.Equal(PassStage.Final, p.Stage));
            var drawers = passes.Select(p => p.Drawer!).ToList();
            Assert.Equal(3, drawers.Distinct().Count());
            Assert.All(passes.Where(p => p.Reviewer is not null), p => Assert.DoesNotContain(p.Reviewer, drawers));
            Assert.Equal(ConsensusStage.Done, item.Item.Consensus.Stage);
            Assert.NotNull(item.Item.Consensus.Agreement);
        }

        var reviewed = items.SelectMany(i => i.Item.Passes).Count(p => p.Reviewer is not null);
        Assert.Equal(Assets * 3 / 3, reviewed); // every 3rd of 600 first submissions
        var sequences = items.SelectMany(i => i.Item.Passes).Select(p => p.Sequence!.Value).Order().ToList();
        Assert.Equal(Enumerable.Range(1, Assets * 3).Select(n => (long)n), sequences);
    }

    private async Task WorkAsync(string projectId, string user)
    {
        using var client = app.ClientFor(user);
        var tasks = $"/api/projects/{projectId}/jobs/storm/tasks";
        int idle = 0;
        while (idle < 40)
        {
            using var draw = await client.PostAsJsonAsync(tasks + "/claim", new { kind = "draw" });
            if (draw.StatusCode == HttpStatusCode.OK)
            {
                idle = 0;
                var task = await draw.JsonAsync();
                var box = new { uuid = Guid.NewGuid(), schemaId = "car", geometry = new { kind = "bbox", left = 10 + Random.Shared.Next(3), top = 10, width = 50, height = 40 }, source = "human" };
                using var submit = await client.PostAsJsonAsync($"{tasks}/{task["id"]}/submit", new { assetVersion = (string)task["assetVersion"]!, annotations = new[] { box } });
                Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
                continue;
            }

            Assert.Equal(HttpStatusCode.NoContent, draw.StatusCode);
            using var review = await client.PostAsJsonAsync(tasks + "/claim", new { kind = "review" });
            if (review.StatusCode == HttpStatusCode.OK)
            {
                idle = 0;
                var task = await review.JsonAsync();
                using var approve = await client.PostAsJsonAsync($"{tasks}/{task["id"]}/review", new { outcome = "approve" });
                Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
                continue;
            }

            Assert.Equal(HttpStatusCode.NoContent, review.StatusCode);
            idle++;
            await Task.Delay(100);
        }
    }

    private async Task<(string ProjectId, HttpClient Owner)> SeedProjectAsync(int people)
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        var owner = app.ClientFor("owner-" + projectId, admin: true);
        using var project = await owner.PostAsJsonAsync("/api/projects", new { id = projectId, name = "Storm" });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        for (int i = 0; i < people; i++)
        {
            using var put = await owner.PutAsJsonAsync($"/api/projects/{projectId}/members/user-{i:D2}", new { role = "reviewer" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        return (projectId, owner);
    }
}
