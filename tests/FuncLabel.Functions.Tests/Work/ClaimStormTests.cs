using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Work;
using FuncLabel.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// 200 assets × 3 passes, review of every 3rd submission, 50 people claiming concurrently through the real handler
/// until the job is drained (every asset has its consensus), while the queue functions run; then the stored work
/// items are checked one by one. Prints the request counts (no assertion on time: bench/results/claim-storm.md).
/// </summary>
public sealed class ClaimStormTests(JobsApp app, ITestOutputHelper output) : IClassFixture<JobsApp>
{
    private const int Assets = 200;
    private const int People = 50;

    /// <summary>A bound that only a stuck storm reaches (it drains in about 30 s on an idle machine): fail instead of hanging the suite.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    /// <summary>How long a person with nothing to claim waits before asking again (reviews appear as the fan-out runs).</summary>
    private static readonly TimeSpan IdlePause = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, int> _answers = new(StringComparer.Ordinal);

    private int _pumped;

    [Fact]
    public async Task ClaimStorm_EverySlotDoneOnceByOnePerson()
    {
        var (projectId, owner) = await SeedProjectAsync(People);
        await app.SeedAssetsAsync(projectId, Assets);
        using var created = await owner.PostAsJsonAsync($"/api/projects/{projectId}/jobs", new { id = "storm", name = "Storm", passesPerFile = 3, reviewFrequency = 3 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var launched = await owner.PostAsync($"/api/projects/{projectId}/jobs/storm/launch", null);
        Assert.Equal(HttpStatusCode.OK, launched.StatusCode);
        await app.PumpAsync();

        var before = app.Requests.Snapshot();
        var watch = Stopwatch.StartNew();
        using var drained = new CancellationTokenSource();
        using var bound = new CancellationTokenSource(Bound);
        var pump = Task.Run(() => PumpUntilDrainedAsync(projectId, drained, bound.Token));
        var progress = Task.Run(() => ReportProgressAsync(watch, before, drained.Token));
        var workers = Enumerable.Range(0, People).Select(i => Task.Run(() => WorkAsync(projectId, $"user-{i:D2}", drained.Token))).ToList();
        await Task.WhenAll(workers.Append(pump).Append(progress));
        Assert.False(bound.IsCancellationRequested, $"The storm did not drain within {Bound}.");
        var requests = app.Requests.Snapshot().Since(before);
        output.WriteLine($"drained in {watch.Elapsed:mm\\:ss}; answers: {string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))}");
        output.WriteLine($"Cosmos requests: {requests.Documents} ({requests})");

        var items = await app.Services.GetRequiredService<WorkStore>().AllAsync(projectId, "storm", CancellationToken.None).ToListAsync();
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
        Assert.Equal(Assets * 3, _answers.GetValueOrDefault("draw 200"));
        Assert.Equal(Assets, _answers.GetValueOrDefault("review 200"));
    }

    /// <summary>Runs the queue functions until every item has its consensus (then tells the workers to stop).</summary>
    private async Task PumpUntilDrainedAsync(string projectId, CancellationTokenSource drained, CancellationToken bound)
    {
        var work = app.Services.GetRequiredService<WorkStore>();
        try
        {
            while (!bound.IsCancellationRequested)
            {
                int handled = await app.PumpAsync(cancellationToken: bound);
                Interlocked.Add(ref _pumped, handled);
                if (handled > 0)
                {
                    continue;
                }

                var items = await work.AllAsync(projectId, "storm", bound).ToListAsync(bound);
                if (items.Count == Assets && items.All(i => i.Item.Consensus.Stage == ConsensusStage.Done))
                {
                    return;
                }

                await Task.Delay(500, bound);
            }
        }
        catch (OperationCanceledException) when (bound.IsCancellationRequested)
        {
            // The bound ran out: the test fails on it.
        }
        finally
        {
            await drained.CancelAsync();
        }
    }

    /// <summary>
    /// Every 30 s, a line in <c>storm-progress.log</c> next to the test binaries (the test's own output appears only at
    /// its end): elapsed time, answers so far, queue messages handled, Cosmos requests.
    /// </summary>
    private async Task ReportProgressAsync(Stopwatch watch, CosmosRequestTally before, CancellationToken drained)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "storm-progress.log");
        File.Delete(path);
        try
        {
            while (!drained.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), drained);
                var answers = string.Join(", ", _answers.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"));
                await File.AppendAllTextAsync(path, $"{watch.Elapsed:mm\\:ss} answers: {answers}; messages handled {Volatile.Read(ref _pumped)}; Cosmos requests {app.Requests.Snapshot().Since(before).Documents}\n", drained);
            }
        }
        catch (OperationCanceledException) when (drained.IsCancellationRequested)
        {
            // Drained: the test reports the totals.
        }
    }

    private async Task WorkAsync(string projectId, string user, CancellationToken drained)
    {
        using var client = app.ClientFor(user);
        client.Timeout = Timeout.InfiniteTimeSpan; // a slow call is not a failure here; the test's bound catches a stuck storm
        var tasks = $"/api/projects/{projectId}/jobs/storm/tasks";
        while (!drained.IsCancellationRequested)
        {
            using var draw = await client.PostAsJsonAsync(tasks + "/claim", new { kind = "draw" });
            Count("draw", draw.StatusCode);
            if (draw.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                continue; // the store was slow: ask again (a claim that went through is served back as the caller's reserved task)
            }

            if (draw.StatusCode == HttpStatusCode.OK)
            {
                var task = await draw.JsonAsync();
                var box = new { uuid = Guid.NewGuid(), schemaId = "car", geometry = new { kind = "bbox", left = 10 + Random.Shared.Next(3), top = 10, width = 50, height = 40 }, source = "human" };
                await RetriedAsync(() => client.PostAsJsonAsync($"{tasks}/{task["id"]}/submit", new { assetVersion = (string)task["assetVersion"]!, annotations = new[] { box } }));
                continue;
            }

            Assert.Equal(HttpStatusCode.NoContent, draw.StatusCode);
            using var review = await client.PostAsJsonAsync(tasks + "/claim", new { kind = "review" });
            Count("review", review.StatusCode);
            if (review.StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                continue;
            }

            if (review.StatusCode == HttpStatusCode.OK)
            {
                var task = await review.JsonAsync();
                await RetriedAsync(() => client.PostAsJsonAsync($"{tasks}/{task["id"]}/review", new { outcome = "approve" }));
                continue;
            }

            Assert.Equal(HttpStatusCode.NoContent, review.StatusCode);
            try
            {
                await Task.Delay(IdlePause, drained);
            }
            catch (OperationCanceledException) when (drained.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Sends until answered 200, asking again after a 503 (the store was slow). After a 503, a 404 means the earlier
    /// attempt went through (the task is no longer the caller's); the stored state is checked at the end either way.
    /// </summary>
    private static async Task RetriedAsync(Func<Task<HttpResponseMessage>> send)
    {
        bool retried = false;
        while (true)
        {
            using var response = await send();
            if (response.StatusCode == HttpStatusCode.OK || (retried && response.StatusCode == HttpStatusCode.NotFound))
            {
                return;
            }

            Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            retried = true;
        }
    }

    private void Count(string kind, HttpStatusCode status) => _answers.AddOrUpdate($"{kind} {(int)status}", 1, (_, n) => n + 1);

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
