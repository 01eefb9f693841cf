using System.Net;
using FuncLabel.Data.Cosmos;
using Xunit.Abstractions;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// Cosmos round trips of one claim and one submit through the real handler, counted by the client's request handler
/// (<see cref="CosmosRequestCounter"/>), one call at a time with no queue pump running. Figures in
/// bench/results/work-round-trips.md.
/// </summary>
public sealed class WorkRoundTripTests(JobsApp app, ITestOutputHelper output) : IClassFixture<JobsApp>
{
    private const int Assets = 48;
    private const int Measured = 16;

    [Fact]
    public async Task ClaimAndSubmit_RoundTrips()
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        using var owner = app.ClientFor("owner-" + projectId, admin: true);
        var people = Enumerable.Range(0, Measured + 1).Select(i => ($"rt-{i:D2}", "annotator")).ToArray();
        await WorkSeed.ProjectAsync(owner, projectId, people);
        await app.SeedAssetsAsync(projectId, Assets);
        await WorkSeed.CreateAndLaunchAsync(owner, projectId, "rtrip", passesPerFile: 1, reviewFrequency: 0);
        await app.PumpAsync();

        // Warm-up: the SDK's metadata lookups and the job cache.
        using var first = app.ClientFor(people[0].Item1);
        using var warm = await WorkSeed.SubmitAsync(first, projectId, "rtrip", await WorkSeed.ClaimAsync(first, projectId, "rtrip", "draw"), WorkSeed.Box(1, 1));
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);

        var claims = new List<CosmosRequestTally>();
        var submits = new List<CosmosRequestTally>();
        foreach (var (user, _) in people.Skip(1))
        {
            using var client = app.ClientFor(user);
            var before = app.Requests.Snapshot();
            var task = await WorkSeed.ClaimAsync(client, projectId, "rtrip", "draw");
            var claimed = app.Requests.Snapshot();
            using var submitted = await WorkSeed.SubmitAsync(client, projectId, "rtrip", task, WorkSeed.Box(2, 2));
            Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
            claims.Add(claimed.Since(before));
            submits.Add(app.Requests.Snapshot().Since(claimed));
        }

        output.WriteLine("claim:  " + Summary(claims));
        output.WriteLine("submit: " + Summary(submits));

        // Claim: the membership check (read), the candidate query (more only when a window holds nothing claimable),
        // one conditional replace, then the outbox: the ledger event (create) and the clearing patch.
        Assert.All(claims, c =>
        {
            Assert.InRange(c.Count("query"), 1, 3);
            Assert.Equal(1, c.Count("replace"));
            Assert.Equal(1, c.Count("create"));
            Assert.Equal(1, c.Count("patch"));
            Assert.InRange(c.Count("read"), 1, 2); // + the job when the 5-second job cache expired meanwhile
        });

        // Submit: membership read, item read, the pre-label query (the ledger event's pre-label edit counts), label
        // create, conditional replace; outbox: ledger create (with the queue send, concurrently) and the clearing patch.
        Assert.All(submits, s =>
        {
            Assert.Equal(1, s.Count("query"));
            Assert.Equal(2, s.Count("read"));
            Assert.Equal(2, s.Count("create"));
            Assert.Equal(1, s.Count("replace"));
            Assert.Equal(1, s.Count("patch"));
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
