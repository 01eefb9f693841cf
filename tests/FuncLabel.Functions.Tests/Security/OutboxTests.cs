using System.Net;
using System.Net.Http.Json;
using System.Text;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Users;
using Microsoft.Extensions.DependencyInjection;

namespace FuncLabel.Functions.Tests.Security;

/// <summary>
/// A fault injected between the state write and its side effects leaves the entries on the document; the
/// outbox sweep timer (invoked as the Functions host would) completes them once, with no duplicate ledger event.
/// </summary>
public sealed class OutboxTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task FaultAfterStateWrite_SweepCompletesSideEffectsOnce()
    {
        var project = await app.SeedProjectAsync();
        var faults = app.Services.GetRequiredService<OutboxFaults>();
        var projects = app.Services.GetRequiredService<ProjectStore>();
        using var admin = app.ClientFor("outbox-admin", admin: true);

        faults.ArmFailAfterStateWrite(true);
        HttpResponseMessage failed;
        try
        {
            failed = await admin.PutAsJsonAsync($"/api/projects/{project}/members/crash-user", new { role = "reviewer" });
        }
        finally
        {
            faults.ArmFailAfterStateWrite(false);
        }

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var member = (await projects.GetMemberAsync(project, "crash-user", CancellationToken.None))!;
        Assert.Equal(2, member.Outbox.Count);
        Assert.Empty(await LedgerFor(project, member));
        Assert.Equal(0, await Memberships("crash-user"));

        // Too young for the sweep: the request that wrote them might still be performing them.
        await app.RunOutboxSweepAsync();
        Assert.Equal(2, (await projects.GetMemberAsync(project, "crash-user", CancellationToken.None))!.Outbox.Count);

        app.Time.Advance(OutboxSweep.MinimumAge + TimeSpan.FromSeconds(1));
        await app.RunOutboxSweepAsync();
        await app.RunOutboxSweepAsync();

        Assert.Empty((await projects.GetMemberAsync(project, "crash-user", CancellationToken.None))!.Outbox);
        var ledger = Assert.Single(await LedgerFor(project, member));
        Assert.Equal("member.added", ledger.Action);
        Assert.Equal(1, await Memberships("crash-user"));
    }

    [Fact]
    public async Task FaultAfterStateWrite_RetriedByTheClient_PerformsEntriesOnce()
    {
        var project = await app.SeedProjectAsync(("retry-user", "annotator"));
        var faults = app.Services.GetRequiredService<OutboxFaults>();
        var projects = app.Services.GetRequiredService<ProjectStore>();
        using var admin = app.ClientFor("outbox-admin", admin: true);

        faults.ArmFailAfterStateWrite(true);
        try
        {
            using var failed = await admin.PutAsJsonAsync($"/api/projects/{project}/members/retry-user", new { role = "owner" });
            Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        }
        finally
        {
            faults.ArmFailAfterStateWrite(false);
        }

        // The next write of the same document carries the uncleared entries and performs them with its own.
        using var next = await admin.PutAsJsonAsync($"/api/projects/{project}/members/retry-user", new { role = "reviewer" });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);

        var member = (await projects.GetMemberAsync(project, "retry-user", CancellationToken.None))!;
        Assert.Empty(member.Outbox);
        var actions = (await LedgerFor(project, member, allVersions: true)).Select(e => (e.ResourceVersion, e.Action)).Order().ToList();
        Assert.Equal([(1L, "member.added"), (2L, "member.role_changed"), (3L, "member.role_changed")], actions);
    }

    private async Task<List<LedgerEvent>> LedgerFor(string project, MemberDocument member, bool allVersions = false)
    {
        var events = await app.Services.GetRequiredService<LedgerStore>()
            .DayAsync(project, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None).ToListAsync();
        return events.Where(e => e.Resource == MemberDocument.Resource(project, member.UserId) && (allVersions || e.ResourceVersion == member.Version)).ToList();
    }

    private async Task<int> Memberships(string user) =>
        (await app.Services.GetRequiredService<UserStore>().ListMembershipsAsync(user, 50, null, CancellationToken.None)).Items.Count;
}
