using System.Net;
using System.Text.Json.Nodes;
using static FuncLabel.Functions.Tests.Training.TrainingSeed;

namespace FuncLabel.Functions.Tests.Training;

/// <summary>Templates and practice: the trainee sees the start and never the gold, gets reasons, and can reach 100.</summary>
public sealed class PracticeTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Practice_WrongThenCorrected_ReasonsThen100_StartShownGoldNever()
    {
        var project = await app.SeedProjectAsync(("pr-owner", "owner"), ("pr-trainee", "annotator"));
        using var owner = app.ClientFor("pr-owner");
        using var trainee = app.ClientFor("pr-trainee");
        await PutOntologyAsync(owner, project);
        // Start: the model's box, 30 px off. Gold: the corrected box, a second car and a comment.
        await CreateTemplateAsync(owner, project, "cars-1", Box(1, 130), $"{Box(2, 100)}, {Box(3, 500)}, {Comment(4, "gold-only-remark")}");

        using var view = await trainee.GetAsync($"/api/projects/{project}/templates/cars-1");
        var viewText = await view.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, view.StatusCode);
        var body = JsonNode.Parse(viewText)!;
        Assert.Single(body["start"]!.AsArray());
        Assert.Equal(130, body["start"]![0]!["bbox"]!["left"]!.GetValue<double>());
        Assert.Null(body["gold"]);
        Assert.DoesNotContain("gold-only-remark", viewText);
        Assert.Equal($"/api/projects/{project}/assets/asset-cars-1/content", body["assetContent"]!.GetValue<string>());
        Assert.Equal("Box every car.", body["guide"]!.GetValue<string>());

        // The start as it is: the box is off (IoU 70·100/(2·10⁴−7000) ≈ 0.54), one car and the comment are missing.
        var wrong = await PracticeAsync(trainee, project, Box(11, 130));
        Assert.True(wrong["score"]!.GetValue<double>() < 100);
        var reasons = wrong["feedback"]!.AsArray().Select(f => f!["reason"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["low_overlap", "missing", "missing"], reasons);
        var low = wrong["feedback"]!.AsArray().Single(f => f!["reason"]!.GetValue<string>() == "low_overlap")!;
        Assert.Equal(0.55, low["overlap"]!.GetValue<double>(), 9);

        var corrected = await PracticeAsync(trainee, project, $"{Box(11, 100)}, {Box(12, 500)}, {Comment(13, "gold-only-remark")}");
        Assert.Equal(100, corrected["score"]!.GetValue<double>());
        Assert.True(corrected["perfect"]!.GetValue<bool>());
        Assert.Empty(corrected["feedback"]!.AsArray());

        using var history = await trainee.GetAsync($"/api/projects/{project}/templates/cars-1/practice");
        var scores = (await history.JsonAsync())["items"]!.AsArray().Select(p => p!["score"]!.GetValue<double>()).ToList();
        Assert.Equal(2, scores.Count);
        Assert.Equal(100, scores[1]);
    }

    [Fact]
    public async Task Template_OwnerEditsGold_NewVersionOwnerSeesGoldOthersDoNot()
    {
        var project = await app.SeedProjectAsync(("tv-owner", "owner"), ("tv-trainee", "annotator"));
        using var owner = app.ClientFor("tv-owner");
        using var trainee = app.ClientFor("tv-trainee");
        await PutOntologyAsync(owner, project);
        await CreateTemplateAsync(owner, project, "cars-2", Box(1, 130), Box(2, 100));

        using var patch = await owner.PatchAsync($"/api/projects/{project}/templates/cars-2", Json($$"""{ "gold": [ {{Box(3, 300)}} ] }"""));
        var patched = await patch.JsonAsync();
        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal(2, patched["currentVersion"]!.GetValue<int>());
        Assert.Equal(300, patched["gold"]![0]!["bbox"]!["left"]!.GetValue<double>());
        Assert.Equal(2, patched["versions"]!.AsArray().Count);

        using var disable = await owner.PatchAsync($"/api/projects/{project}/templates/cars-2", Json("""{ "enabled": false }"""));
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        using var hidden = await trainee.GetAsync($"/api/projects/{project}/templates/cars-2");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        using var practice = await trainee.PostAsync($"/api/projects/{project}/templates/cars-2/practice", Json("""{ "answer": [] }"""));
        Assert.Equal(HttpStatusCode.NotFound, practice.StatusCode);
    }

    private static async Task<JsonNode> PracticeAsync(HttpClient trainee, string project, string answer)
    {
        using var response = await trainee.PostAsync($"/api/projects/{project}/templates/cars-1/practice", Json($$"""{ "answer": [ {{answer}} ] }"""));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}
