using System.Net;
using FuncLabel.Data.Cosmos;
using Xunit.Abstractions;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// Cosmos round trips of one claim and one submit through the real handler, counted by the client's request handler
/// (<see cref="CosmosRequestCounter"/>), one call at a time with no queue pump running, for a person who has called
/// the project within the member cache's lifetime (a minute: an annotator at work); the first call of a session pays one
/// member read more, counted separately. Two job sizes: a claim looks first in a random 1/16 of the job's items and
/// widens (one more query) only when that holds nothing claimable, which happens in small jobs (48 items: ~3 per
/// window) and almost never in larger ones (256: ~16). Figures in bench/results/work-round-trips.md.
/// </summary>
public sealed class WorkRoundTripTests(JobsApp app, ITestOutputHelper output) : IClassFixture<JobsApp>
{
    private const int Measured = 16;

    [Theory]
    [InlineData(48)]
    [InlineData(256)]
    public async Task ClaimAndSubmit_RoundTrips(int assets)
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        using var owner = app.ClientFor("owner-" + projectId, admin: true);
        var people = Enumerable.Range(0, Measured + 1).Select(i => ($"rt-{i:D2}", "annotator")).ToArray();
        await WorkSeed.ProjectAsync(owner, projectId, people);
        await app.SeedAssetsAsync(projectId, assets);
        await WorkSeed.CreateAndLaunchAsync(owner, projectId, "rtrip", passesPerFile: 1, reviewFrequency: 0);
        await app.PumpAsync();

        // Warm-up: the SDK's metadata lookups and the job cache.
        using var first = app.ClientFor(people[0].Item1);
        using var warm = await WorkSeed.SubmitAsync(first, projectId, "rtrip", await WorkSeed.ClaimAsync(first, projectId, "rtrip", "draw"), WorkSeed.Box(1, 1));
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        var claims = new List<CosmosRequestTally>();
        var submits = new List<CosmosRequestTally>();
        var firstCalls = new List<CosmosRequestTally>();
        foreach (var (user, _) in people.Skip(1))
        {
            using var client = app.ClientFor(user);
            var session = app.Requests.Snapshot();
            using (var mine = await client.GetAsync($"/api/projects/{projectId}/jobs/rtrip/tasks/mine"))
            {
                Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
            }

            firstCalls.Add(app.Requests.Snapshot().Since(session));
            var before = app.Requests.Snapshot();
            var task = await WorkSeed.ClaimAsync(client, projectId, "rtrip", "draw");
            var claimed = app.Requests.Snapshot();
            using var submitted = await WorkSeed.SubmitAsync(client, projectId, "rtrip", task, WorkSeed.Box(2, 2));
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            claims.Add(claimed.Since(before));
            submits.Add(app.Requests.Snapshot().Since(claimed));
        }

        output.WriteLine($"job of {assets} items");
        output.WriteLine("first call (GET mine): " + Summary(firstCalls));
        output.WriteLine("claim:  " + Summary(claims));
        output.WriteLine("submit: " + Summary(submits));

        // A session's first project call reads the member document (then cached): here with the "mine" query.
        Assert.All(firstCalls, c => Assert.Equal(1, c.Count("read")));

        // Claim: the candidate query (more only when a window holds nothing claimable) and one conditional replace;
        // its ledger event stays on the item for the next write. Nothing else but the job when its 5-second cache
        // expired meanwhile.
        Assert.All(claims, c =>
        {
            Assert.InRange(c.Count("query"), 1, 3);
            Assert.Equal(1, c.Count("replace"));
            Assert.Equal(0, c.Count("create"));
            Assert.Equal(0, c.Count("patch"));
            Assert.InRange(c.Count("read"), 0, 1);
        });
        if (assets >= 256)
        {
            // ~16 items per first window: an empty one is a one-in-millions event, so every claim is one query.
            Assert.All(claims, c => Assert.Equal(1, c.Count("query")));
        }

        // Submit: item read, label create, conditional replace (plus the task-events send, not a Cosmos request); the
        // ledger events are left for the message's consumer.
        Assert.All(submits, s =>
        {
            Assert.Equal(0, s.Count("query"));
            Assert.Equal(1, s.Count("read"));
            Assert.Equal(1, s.Count("create"));
            Assert.Equal(1, s.Count("replace"));
            Assert.Equal(0, s.Count("patch"));
        });

        // One task-events message per submit, warm-up included.
        Assert.Equal(Measured + 1, await app.PumpAsync());
    }

    private static string Summary(List<CosmosRequestTally> calls)
    {
        var kinds = calls.SelectMany(c => c.ByKind.Where(k => k.Value.Count > 0).Select(k => k.Key)).Distinct().Order(StringComparer.Ordinal);
        var perKind = kinds.Select(k => $"{k} {calls.Average(c => c.Count(k)):0.00}");
        return $"{calls.Average(c => c.Documents):0.00} document requests per call over {calls.Count} ({string.Join(", ", perKind)}); mean {calls.Average(c => c.ByKind.Sum(k => k.Value.Elapsed.TotalMilliseconds)):0.0} ms of Cosmos time per call";
    }
}
