using System.Net;
using System.Net.Http.Json;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Work;
using FuncLabel.Functions.Invocation;
using FuncLabel.Functions.Tests.Storage;
using FuncLabel.Functions.Work;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// At-least-once delivery: every <c>job-launch</c> and <c>task-events</c> message handled twice changes nothing more
/// than once; two last passes submitted and fanned out concurrently merge exactly once.
/// </summary>
public sealed class DeliveryTests(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task EveryMessageDeliveredTwice_NoExtraReviewCountOrConsensus()
    {
        const int Assets = 6;
        var (projectId, owner) = await ProjectAsync("d1", "d2", "r1");
        await app.SeedAssetsAsync(projectId, Assets);
        await WorkSeed.CreateAndLaunchAsync(owner, projectId, "twice", passesPerFile: 2, reviewFrequency: 2);
        await app.PumpAsync(deliverTwice: true);
        Assert.Equal(Assets, (await ItemsAsync(projectId, "twice")).Count);

        foreach (var user in new[] { "d1", "d2" })
        {
            using var client = app.ClientFor(user);
            for (int i = 0; i < Assets; i++)
            {
                using var submitted = await WorkSeed.SubmitAsync(client, projectId, "twice", await WorkSeed.ClaimAsync(client, projectId, "twice", "draw"), WorkSeed.Box(10 + i, 10));
                Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            }
        }

        await app.PumpAsync(deliverTwice: true);
        var items = await ItemsAsync(projectId, "twice");
        var passes = items.SelectMany(i => i.Item.Passes).ToList();
        Assert.Equal(Enumerable.Range(1, Assets * 2).Select(n => (long)n), passes.Select(p => p.Sequence!.Value).Order());
        Assert.Equal(Assets, passes.Count(p => p.Stage == PassStage.Review));
        Assert.Equal(Assets * 2, (await app.Services.GetRequiredService<WorkStore>().GetCounterAsync(projectId, "twice", CancellationToken.None)).Submissions);

        using var reviewer = app.ClientFor("r1");
        for (int i = 0; i < Assets; i++)
        {
            var task = await WorkSeed.ClaimAsync(reviewer, projectId, "twice", "review");
            using var approve = await reviewer.PostAsJsonAsync($"/api/projects/{projectId}/jobs/twice/tasks/{task["id"]}/review", new { outcome = "approve" });
            Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        }

        await app.PumpAsync(deliverTwice: true);
        items = await ItemsAsync(projectId, "twice");
        Assert.All(items, i => Assert.Equal(ConsensusStage.Done, i.Item.Consensus.Stage));
        var events = await LedgerAsync(projectId);
        Assert.Equal(Assets, events.Count(e => e.Action == "work.consensus"));
        Assert.Equal(Assets, events.Count(e => e.Action == "work.created"));
        Assert.Equal(Assets, events.Count(e => e.Action == "work.review_selected"));
        Assert.Equal(Assets, events.Count(e => e.Action == "work.pass_final" && e.Details?.ContainsKey("sequence") == true));
    }

    [Fact]
    public async Task LastPassesSubmittedConcurrently_ConsensusExactlyOnce()
    {
        // One project per asset (each with its one-asset job), so each person's claim lands on a known asset.
        const int Assets = 8;
        using var c1 = app.ClientFor("c1");
        using var c2 = app.ClientFor("c2");
        var held = new List<(string ProjectId, string JobId, System.Text.Json.Nodes.JsonNode First, System.Text.Json.Nodes.JsonNode Second)>();
        for (int i = 0; i < Assets; i++)
        {
            var (projectId, owner) = await ProjectAsync("c1", "c2");
            var jobId = $"race-{i}";
            await WorkSeed.ActiveJobWithOneAssetAsync(app.Services, app.Time, owner, projectId, jobId, passesPerFile: 2);
            owner.Dispose();
            held.Add((projectId, jobId, await WorkSeed.ClaimAsync(c1, projectId, jobId, "draw"), await WorkSeed.ClaimAsync(c2, projectId, jobId, "draw")));
        }

        // Both passes of each asset submitted at once, then their two task-events handled at once.
        await Task.WhenAll(held.Select(async h =>
        {
            var answers = await Task.WhenAll(WorkSeed.SubmitAsync(c1, h.ProjectId, h.JobId, h.First, WorkSeed.Box(10, 10)), WorkSeed.SubmitAsync(c2, h.ProjectId, h.JobId, h.Second, WorkSeed.Box(12, 10)));
            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }));

        var queue = HostQueueTrigger.Wire(app.StorageConnectionString).GetQueueClient(app.Services.GetRequiredService<WorkQueues>().TaskEvents);
        var messages = new List<Azure.Storage.Queues.Models.QueueMessage>();
        while (messages.Count < Assets * 2)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            Assert.NotEmpty(batch);
            messages.AddRange(batch);
        }

        await Task.WhenAll(messages.Select(m => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TaskEventsFunction>()
                .HandleAsync(new QueueInvocation(Guid.NewGuid().ToString(), HostQueueTrigger.Decode(m), m.MessageId, 1, m.InsertedOn), CancellationToken.None);
            await queue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
        })));

        foreach (var (projectId, jobId, _, _) in held)
        {
            Assert.Equal(ConsensusStage.Done, Assert.Single(await ItemsAsync(projectId, jobId)).Item.Consensus.Stage);
            var consensus = (await LedgerAsync(projectId)).Where(e => e.Action == "work.consensus").ToList();
            Assert.Single(consensus);
        }
    }

    private async Task<(string ProjectId, HttpClient Owner)> ProjectAsync(params string[] members)
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        var owner = app.ClientFor("owner-" + projectId, admin: true);
        using var project = await owner.PostAsJsonAsync("/api/projects", new { id = projectId, name = "Delivery" });
        Assert.Equal(HttpStatusCode.Created, project.StatusCode);
        foreach (var user in members)
        {
            using var put = await owner.PutAsJsonAsync($"/api/projects/{projectId}/members/{user}", new { role = "reviewer" });
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        return (projectId, owner);
    }

    private async Task<List<WorkItemDocument>> ItemsAsync(string projectId, string jobId) =>
        await app.Services.GetRequiredService<WorkStore>().AllAsync(projectId, jobId, CancellationToken.None).ToListAsync();

    private async Task<List<LedgerEvent>> LedgerAsync(string projectId) =>
        await app.Services.GetRequiredService<LedgerStore>().DayAsync(projectId, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
}
