using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Domain.Access;

namespace FuncLabel.Data.Tests;

/// <summary>The Cosmos behaviours every store relies on, exercised through <see cref="ProjectStore"/> on the emulator.</summary>
public sealed class ProjectStoreTests(CosmosTestDatabase db) : IClassFixture<CosmosTestDatabase>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private readonly ProjectStore _store = new(db.Database, db.Writer);
    private readonly CancellationToken _ct = CancellationToken.None;

    [Fact]
    public async Task CreateProject_SameIdTwice_SecondIsAlreadyExists()
    {
        var project = NewProject();
        var first = await _store.CreateProjectAsync(project, Change(project.ProjectId), _ct);
        var second = await _store.CreateProjectAsync(project, Change(project.ProjectId), _ct);

        Assert.True(first.Succeeded);
        Assert.Equal(WriteFailure.AlreadyExists, second.Failure);
    }

    [Fact]
    public async Task UpdateProject_WithStaleETag_IsStale()
    {
        var project = NewProject();
        await _store.CreateProjectAsync(project, Change(project.ProjectId), _ct);
        var read = (await _store.GetProjectAsync(project.ProjectId, _ct))!;

        var first = await _store.UpdateProjectAsync(read with { Name = "first" }, Change(project.ProjectId), "project.updated", _ct);
        var second = await _store.UpdateProjectAsync(read with { Name = "second" }, Change(project.ProjectId), "project.updated", _ct);

        Assert.True(first.Succeeded);
        Assert.Equal(WriteFailure.Stale, second.Failure);
        Assert.Equal("first", (await _store.GetProjectAsync(project.ProjectId, _ct))!.Name);
    }

    [Fact]
    public async Task GetProject_Missing_IsNull()
    {
        Assert.Null(await _store.GetProjectAsync("missing-" + Guid.NewGuid().ToString("N"), _ct));
    }

    [Fact]
    public async Task ArchiveIfActive_CamelCaseCondition_HoldsOnceThenIsStale()
    {
        var project = NewProject();
        await _store.CreateProjectAsync(project, Change(project.ProjectId), _ct);

        var first = await _store.ArchiveIfActiveAsync(project.ProjectId, Now, _ct);
        var second = await _store.ArchiveIfActiveAsync(project.ProjectId, Now.AddHours(1), _ct);

        Assert.True(first.Succeeded);
        Assert.Equal(Now, first.Value.ArchivedAt);
        Assert.Equal(WriteFailure.Stale, second.Failure);
        Assert.Equal(Now, (await _store.GetProjectAsync(project.ProjectId, _ct))!.ArchivedAt);
    }

    [Fact]
    public async Task ListMembers_OfPartitionA_NeverReturnsPartitionB()
    {
        var a = NewProject();
        var b = NewProject();
        foreach (var (project, user) in new[] { (a, "alice"), (b, "bob"), (b, "carol") })
        {
            var member = new MemberDocument
            {
                Id = MemberDocument.IdFor(user), Pk = project.ProjectId, ProjectId = project.ProjectId, UserId = user,
                Role = ProjectRole.Annotator, ChangedBy = "admin", ChangedAt = Now,
            };
            Assert.True((await _store.SaveMemberAsync(member, null, Change(project.ProjectId), "member.added", _ct)).Succeeded);
        }

        var page = await _store.ListMembersAsync(a.ProjectId, 10, null, _ct);

        Assert.Equal(["alice"], page.Items.Select(m => m.UserId));
        Assert.Null(page.ContinuationToken);
    }

    [Fact]
    public async Task CreateProject_WritesLedgerEventAndClearsOutbox()
    {
        var project = NewProject();
        var created = await _store.CreateProjectAsync(project, Change(project.ProjectId), _ct);

        var stored = (await _store.GetProjectAsync(project.ProjectId, _ct))!;
        var ledger = await new LedgerStore(db.Database).DayAsync(project.ProjectId, DateOnly.FromDateTime(Now.UtcDateTime), _ct).ToListAsync();

        Assert.Equal(created.Value.ETag, stored.ETag);
        Assert.Empty(stored.Outbox);
        var e = Assert.Single(ledger);
        Assert.Equal(("project.created", "alice", 1L), (e.Action, e.Actor, e.ResourceVersion));
    }

    private static ProjectDocument NewProject()
    {
        var id = "p-" + Guid.NewGuid().ToString("N")[..12];
        return new ProjectDocument
        {
            Id = ProjectDocument.DocumentId, Pk = id, ProjectId = id, Name = "Project " + id, CreatedBy = "alice", CreatedAt = Now,
        };
    }

    private static ChangeContext Change(string projectId) => new("alice", Now, projectId);
}
