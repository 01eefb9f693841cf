using System.Net;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Work;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Work;

/// <summary>
/// A crash between a work item's write and its side effects (injected fault): the item keeps its ledger event and
/// its <c>task-events</c> message in the outbox; the outbox sweep, visiting the job's <c>work</c> partition, sends the
/// message and records the event once, and the fan-out then applies the submission.
/// </summary>
public sealed class WorkOutboxTests(JobsApp app) : IClassFixture<JobsApp>
{
    [Fact]
    public async Task FaultAfterSubmitWrite_SweepSendsTheOwedMessageOnce()
    {
        var (projectId, asset, task) = await ClaimedDrawAsync("crash");
        using var u1 = app.ClientFor("u1");

        var faults = app.Services.GetRequiredService<OutboxFaults>();
        faults.ArmFailAfterStateWrite(true);
        HttpStatusCode status;
        try
        {
            using var submit = await WorkSeed.SubmitAsync(u1, projectId, "crash", task, WorkSeed.Box(1, 1));
            status = submit.StatusCode;
        }
        finally
        {
            faults.ArmFailAfterStateWrite(false);
        }

        Assert.Equal(HttpStatusCode.InternalServerError, status);
        var work = app.Services.GetRequiredService<WorkStore>();
        var crashed = (await work.GetAsync(projectId, "crash", asset.Id, CancellationToken.None))!;
        Assert.Equal(PassStage.Submitted, crashed.Item.Find(1)!.Stage);
        Assert.Single(crashed.Outbox.OfType<QueueOutboxEntry>());
        // The claim's event (left for the next write) and the submit's.
        Assert.Equal(["task.claimed", "task.submitted"], crashed.Outbox.OfType<LedgerOutboxEntry>().Select(e => e.Event.Action));
        Assert.Equal(0, await app.PumpAsync());

        // Too young for the sweep: the request that wrote the entries might still be performing them.
        var sweep = app.Services.GetRequiredService<OutboxSweep>();
        await sweep.RunAsync(CancellationToken.None);
        Assert.Equal(3, (await work.GetAsync(projectId, "crash", asset.Id, CancellationToken.None))!.Outbox.Count);

        app.Time.Advance(OutboxSweep.MinimumAge + TimeSpan.FromSeconds(1));
        Assert.True(await sweep.RunAsync(CancellationToken.None) >= 1);
        Assert.Empty((await work.GetAsync(projectId, "crash", asset.Id, CancellationToken.None))!.Outbox);
        Assert.Equal(0, await sweep.RunAsync(CancellationToken.None));

        Assert.Equal(1, await app.PumpAsync());
        var applied = (await work.GetAsync(projectId, "crash", asset.Id, CancellationToken.None))!;
        Assert.Equal(PassStage.Final, applied.Item.Find(1)!.Stage);
        Assert.Equal(1, applied.Item.Find(1)!.Sequence);

        var ledger = app.Services.GetRequiredService<LedgerStore>();
        var events = await ledger.DayAsync(projectId, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
        Assert.Single(events, e => e.Action == "task.submitted" && e.Resource == WorkStore.Resource(crashed));
    }

    /// <summary>
    /// Without a crash: the claim leaves its event, the submit sends its message and leaves its event, and the
    /// message's consumer performs both with its own in its write, dropping the delivered message — each event once,
    /// the outbox empty, the pre-label figures on the consumer's event, and a second delivery changes nothing.
    /// </summary>
    [Fact]
    public async Task Submit_ConsumerRecordsTheLeftEventsOnceAndEmptiesTheOutbox()
    {
        var (projectId, asset, task) = await ClaimedDrawAsync("handoff");
        using var u1 = app.ClientFor("u1");
        using (var submit = await WorkSeed.SubmitAsync(u1, projectId, "handoff", task, WorkSeed.Box(1, 1)))
        {
            Assert.Equal(HttpStatusCode.OK, submit.StatusCode);
        }

        var work = app.Services.GetRequiredService<WorkStore>();
        var submitted = (await work.GetAsync(projectId, "handoff", asset.Id, CancellationToken.None))!;
        Assert.Equal(["task.claimed", "task.submitted"], submitted.Outbox.OfType<LedgerOutboxEntry>().Select(e => e.Event.Action));
        var message = Assert.Single(submitted.Outbox.OfType<QueueOutboxEntry>());

        Assert.Equal(1, await app.PumpAsync());
        var applied = (await work.GetAsync(projectId, "handoff", asset.Id, CancellationToken.None))!;
        Assert.Equal(PassStage.Final, applied.Item.Find(1)!.Stage);
        Assert.Empty(applied.Outbox);

        await app.Services.GetRequiredService<Azure.Storage.Queues.QueueServiceClient>().SendCreatingQueueAsync(message.Queue, message.Body, CancellationToken.None);
        Assert.Equal(1, await app.PumpAsync());
        Assert.Equal(applied.Version, (await work.GetAsync(projectId, "handoff", asset.Id, CancellationToken.None))!.Version);

        var events = await app.Services.GetRequiredService<LedgerStore>()
            .DayAsync(projectId, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None)
            .Where(e => e.Resource == WorkStore.Resource(applied)).ToListAsync();
        Assert.Single(events, e => e.Action == "task.claimed" && e.Actor == "u1");
        Assert.Single(events, e => e.Action == "task.submitted" && e.Actor == "u1");
        var final = Assert.Single(events, e => e.Action == "work.pass_final");
        Assert.Equal("u1", final.Details!["drawer"]);
        Assert.Equal("0", final.Details!["prelabelsOffered"]);
    }

    /// <summary>A new project with member u1, an active one-asset job <paramref name="jobId"/>, and u1's draw claim on it.</summary>
    private async Task<(string ProjectId, Data.Assets.AssetDocument Asset, System.Text.Json.Nodes.JsonNode Task)> ClaimedDrawAsync(string jobId)
    {
        var projectId = "p-" + Guid.NewGuid().ToString("N")[..12];
        using var owner = app.ClientFor("owner-" + projectId, admin: true);
        await WorkSeed.ProjectAsync(owner, projectId, ("u1", "annotator"));
        var asset = await WorkSeed.ActiveJobWithOneAssetAsync(app.Services, app.Time, owner, projectId, jobId);
        await app.PumpAsync(); // the launch page (its item exists already)
        using var u1 = app.ClientFor("u1");
        return (projectId, asset, await WorkSeed.ClaimAsync(u1, projectId, jobId, "draw"));
    }
}
