using System.Net;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Ledger;
using Microsoft.Extensions.DependencyInjection;
using static FuncLabel.Functions.Tests.Training.TrainingSeed;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>Exams: pass at exactly the pass mark, fail just below, attempts limit, no feedback before finish, one grant under concurrent finishes.</summary>
public sealed class ExamTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    /// <summary>Two templates with one gold car each; answering the first right and the second not at all scores (100 + 0)/2 = 50.</summary>
    private async Task<(string Project, HttpClient Owner)> SetupAsync(string prefix, params (string Exam, double PassMark, int Attempts, string Award)[] exams)
    {
        var project = await app.SeedProjectAsync(($"{prefix}-owner", "owner"), ($"{prefix}-a", "annotator"), ($"{prefix}-b", "annotator"));
        var owner = app.ClientFor($"{prefix}-owner");
        using var admin = app.ClientFor($"{prefix}-admin", admin: true);
        await PutOntologyAsync(owner, project);
        await CreateTemplateAsync(owner, project, "item-one", "", Box(1, 100));
        await CreateTemplateAsync(owner, project, "item-two", "", Box(2, 400));
        foreach (var (exam, passMark, attempts, award) in exams)
        {
            await CreateCredentialTypeAsync(admin, award, validityDays: 365);
            await CreateExamAsync(owner, project, exam, ["item-one", "item-two"], passMark, attempts, [award]);
        }

        return (project, owner);
    }

    [Fact]
    public async Task Finish_ExactlyAtPassMark_PassesAndGrants_NoFeedbackBeforeFinish()
    {
        var award = "cert-" + Guid.NewGuid().ToString("N")[..8];
        var (project, owner) = await SetupAsync("ex1", ("exact", 50, 2, award));
        using var trainee = app.ClientFor("ex1-a");
        var attempt = await StartAttemptAsync(trainee, project, "exact");

        using var answered = await trainee.PostAsync($"/api/attempts/{attempt}/items/item-one/score", Json($$"""{ "answer": [ {{Box(11, 100)}} ] }"""));
        var answer = await answered.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        Assert.Null(answer["score"]);
        Assert.Null(answer["feedback"]);
        using var before = await trainee.GetAsync($"/api/attempts/{attempt}");
        var beforeBody = await before.JsonAsync();
        Assert.All(beforeBody["items"]!.AsArray(), i => { Assert.Null(i!["score"]); Assert.Null(i["feedback"]); });
        Assert.True(beforeBody["items"]![0]!["answered"]!.GetValue<bool>());

        using var finished = await trainee.PostAsync($"/api/attempts/{attempt}/finish", Json("{}"));
        var result = await finished.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);
        Assert.Equal(50, result["score"]!.GetValue<double>());
        Assert.True(result["passed"]!.GetValue<bool>());
        var missing = result["items"]![1]!["feedback"]!.AsArray().Single()!;
        Assert.Equal("missing", missing["reason"]!.GetValue<string>());
        Assert.Null(missing["overlap"]);

        var credential = await app.Services.GetRequiredService<CredentialStore>().GetCredentialAsync("ex1-a", award, CancellationToken.None);
        Assert.NotNull(credential);
        Assert.Equal(CredentialSourceKind.ExamAttempt, credential.Source.Kind);
        Assert.Equal(attempt, credential.Source.AttemptId);
        Assert.Equal(app.Time.GetUtcNow().AddDays(365), credential.ExpiresAt);
        owner.Dispose();
    }

    [Fact]
    public async Task Finish_JustBelowPassMark_FailsWithoutGrant()
    {
        var award = "cert-" + Guid.NewGuid().ToString("N")[..8];
        var (project, owner) = await SetupAsync("ex2", ("below", 50.01, 2, award));
        using var trainee = app.ClientFor("ex2-a");
        var attempt = await StartAttemptAsync(trainee, project, "below");
        await AnswerAsync(trainee, attempt, "item-one", Box(11, 100));

        using var finished = await trainee.PostAsync($"/api/attempts/{attempt}/finish", Json("{}"));
        var result = await finished.JsonAsync();
        Assert.Equal(50, result["score"]!.GetValue<double>());
        Assert.False(result["passed"]!.GetValue<bool>());
        Assert.Null(await app.Services.GetRequiredService<CredentialStore>().GetCredentialAsync("ex2-a", award, CancellationToken.None));
        owner.Dispose();
    }

    [Fact]
    public async Task Start_BeyondAllowedAttempts_Is409_AndAnOpenAttemptIsResumed()
    {
        var award = "cert-" + Guid.NewGuid().ToString("N")[..8];
        var (project, owner) = await SetupAsync("ex3", ("limited", 100, 1, award));
        using var trainee = app.ClientFor("ex3-a");
        var first = await StartAttemptAsync(trainee, project, "limited");
        Assert.Equal(first, await StartAttemptAsync(trainee, project, "limited"));
        using var finished = await trainee.PostAsync($"/api/attempts/{first}/finish", Json("{}"));
        Assert.Equal(HttpStatusCode.OK, finished.StatusCode);

        using var again = await trainee.PostAsync($"/api/projects/{project}/exams/limited/attempts", Json("{}"));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("attempts_exhausted", (await again.JsonAsync())["code"]!.GetValue<string>());

        using var late = await trainee.PostAsync($"/api/attempts/{first}/items/item-one/score", Json($$"""{ "answer": [ {{Box(11, 100)}} ] }"""));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        owner.Dispose();
    }

    [Fact]
    public async Task Finish_TwoConcurrentFinishes_OneGrant()
    {
        var award = "cert-" + Guid.NewGuid().ToString("N")[..8];
        var (project, owner) = await SetupAsync("ex4", ("race", 50, 3, award));
        using var trainee = app.ClientFor("ex4-a");
        using var other = app.ClientFor("ex4-b");
        var attempt = await StartAttemptAsync(trainee, project, "race");
        await AnswerAsync(trainee, attempt, "item-one", Box(11, 100));
        await AnswerAsync(trainee, attempt, "item-two", Box(12, 400));

        using var stranger = await other.PostAsync($"/api/attempts/{attempt}/finish", Json("{}"));
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        var finishes = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => trainee.PostAsync($"/api/attempts/{attempt}/finish", Json("{}"))));
        foreach (var finish in finishes)
        {
            Assert.Equal(HttpStatusCode.OK, finish.StatusCode);
            Assert.Equal(100, (await finish.JsonAsync())["score"]!.GetValue<double>());
            finish.Dispose();
        }

        var credential = await app.Services.GetRequiredService<CredentialStore>().GetCredentialAsync("ex4-a", award, CancellationToken.None);
        Assert.Equal(1, credential!.Version);
        var granted = await app.Services.GetRequiredService<LedgerStore>()
            .DayAsync(LedgerEvent.OrgScope, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None)
            .Where(e => e.Action == "credential.granted" && e.Resource == CredentialDocument.Resource("ex4-a", award)).ToListAsync();
        Assert.Single(granted);
        var finishedEvents = await app.Services.GetRequiredService<LedgerStore>()
            .DayAsync(project, DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime), CancellationToken.None)
            .Where(e => e.Action == "attempt.finished").ToListAsync();
        Assert.Single(finishedEvents);
        owner.Dispose();
    }
}
