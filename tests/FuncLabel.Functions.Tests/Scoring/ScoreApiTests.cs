using System.Net;
using System.Net.Http.Json;
using System.Text;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Functions.Tests.Scoring;

/// <summary><c>POST /api/score</c> end to end: Labelbox-style annotations in, score and per-instance feedback out.</summary>
public sealed class ScoreApiTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    private const string Ontology = """
        { "classes": [
            { "name": "car", "tool": "bbox" },
            { "name": "person", "tool": "bbox" },
            { "name": "weather", "tool": "radio", "options": [ { "name": "sunny" }, { "name": "rainy" } ] } ] }
        """;

    [Fact]
    public async Task Score_IdenticalCandidate_Is100WithNoFeedback()
    {
        var body = await ScoreAsync(
            """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000001", "name": "car", "bbox": { "top": 10, "left": 10, "height": 100, "width": 100 } } ]""",
            """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000002", "name": "car", "bbox": { "top": 10, "left": 10, "height": 100, "width": 100 } } ]""");

        Assert.Equal(100, body["score"]!.GetValue<double>());
        Assert.Empty(body["feedback"]!.AsArray());
        Assert.Equal("1.0", body["scorerVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Score_ShiftedBoxAndMissingAnswer_ExplainsEachShortfall()
    {
        // Gold box 100×100 at (0,0); candidate shifted 20 px right: IoU = 80·100 / (2·10000 − 8000) = 2/3 (< 0.8 pass, ≥ 0.4 match).
        var body = await ScoreAsync(
            """
            [ { "uuid": "9d3c0e5e-0000-4000-8000-000000000011", "name": "car", "bbox": { "top": 0, "left": 0, "height": 100, "width": 100 } },
              { "uuid": "9d3c0e5e-0000-4000-8000-000000000012", "name": "weather", "answer": { "name": "sunny" } } ]
            """,
            """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000013", "name": "car", "bbox": { "top": 0, "left": 20, "height": 100, "width": 100 } } ]""");

        var reasons = body["feedback"]!.AsArray().Select(f => f!["reason"]!.GetValue<string>()).Order().ToList();
        Assert.Equal(["low_overlap", "missing"], reasons);
        var lowOverlap = body["feedback"]!.AsArray().Single(f => f!["reason"]!.GetValue<string>() == "low_overlap")!;
        Assert.Equal(2.0 / 3.0, lowOverlap["overlap"]!.GetValue<double>(), 9);
        Assert.True(body["score"]!.GetValue<double>() < 100);
    }

    [Fact]
    public async Task Score_InvalidAnnotation_Is400NamingTheElementAndField()
    {
        using var client = app.ClientFor("scorer");
        using var response = await client.PostAsync("/api/score", Json(
            """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000021", "name": "car", "bbox": { "top": 0, "left": 0, "height": 10, "width": 10 } } ]""",
            """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000022", "name": "truck", "bbox": { "top": 0, "left": 0, "height": 10, "width": 10 } } ]"""));
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var field = Assert.Single(body["errors"]!.AsObject());
        Assert.StartsWith("candidate[0]", field.Key);
        Assert.Contains("unknown_class", field.Value!.AsArray()[0]!.GetValue<string>());
    }

    [Fact]
    public async Task Score_InvalidOptions_Is400NamingTheOption()
    {
        using var client = app.ClientFor("scorer");
        using var response = await client.PostAsJsonAsync("/api/score", new { ontology = new { classes = Array.Empty<object>() }, gold = Array.Empty<object>(), candidate = Array.Empty<object>(), options = new { matchThreshold = 0.9, passOverlap = 0.5 } });
        var body = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["options.passOverlap"], body["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Score_PartialOptions_OmittedOnesTakeTheirDefaults()
    {
        using var client = app.ClientFor("scorer");
        using var response = await client.PostAsync("/api/score", new StringContent(
            $$"""{ "ontology": {{Ontology}}, "gold": [], "candidate": [], "options": { "matchThreshold": 0.5 } }""", Encoding.UTF8, "application/json"));
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        AssertOptions(body["options"]!, matchThreshold: 0.5);
    }

    [Fact]
    public async Task Score_EmptyOptions_AreTheDefaults()
    {
        using var client = app.ClientFor("scorer");
        using var response = await client.PostAsync("/api/score", new StringContent(
            $$"""{ "ontology": {{Ontology}}, "gold": [], "candidate": [], "options": {} }""", Encoding.UTF8, "application/json"));
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        AssertOptions(body["options"]!, matchThreshold: ScoringOptions.Default.MatchThreshold);
    }

    [Fact]
    public async Task ScoreWithProjectOntology_PartialOptions_OmittedOnesTakeTheirDefaults()
    {
        var project = await app.SeedProjectAsync(("score-options-owner", "owner"));
        using var owner = app.ClientFor("score-options-owner");
        using var ontology = await owner.PutAsync($"/api/projects/{project}/ontology", new StringContent(Ontology, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, ontology.StatusCode);

        using var response = await owner.PostAsync($"/api/projects/{project}/score", new StringContent(
            """{ "ontologyVersion": 1, "gold": [], "candidate": [], "options": { "matchThreshold": 0.5 } }""", Encoding.UTF8, "application/json"));
        var body = await response.JsonAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        AssertOptions(body["options"]!, matchThreshold: 0.5);
    }

    [Fact]
    public async Task ScoreWithProjectOntology_PinnedVersion_UsesThatVersionsClasses()
    {
        var project = await app.SeedProjectAsync(("score-owner", "owner"), ("score-annotator", "annotator"));
        using var owner = app.ClientFor("score-owner");
        using var v1 = await owner.PutAsync($"/api/projects/{project}/ontology", new StringContent("""{ "classes": [ { "name": "car", "tool": "bbox" } ] }""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, v1.StatusCode);
        using var v2 = await owner.PutAsync($"/api/projects/{project}/ontology", new StringContent(Ontology, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, v2.StatusCode);
        const string gold = """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000031", "name": "car", "bbox": { "top": 0, "left": 0, "height": 100, "width": 100 } } ]""";
        const string candidate = """[ { "uuid": "9d3c0e5e-0000-4000-8000-000000000032", "name": "person", "bbox": { "top": 0, "left": 0, "height": 100, "width": 100 } } ]""";

        using var annotator = app.ClientFor("score-annotator");
        using var withV2 = await annotator.PostAsync($"/api/projects/{project}/score", ProjectJson(2, gold, candidate));
        using var withV1 = await annotator.PostAsync($"/api/projects/{project}/score", ProjectJson(1, gold, candidate));

        Assert.Equal(HttpStatusCode.OK, withV2.StatusCode);
        var scored = await withV2.JsonAsync();
        Assert.Equal("wrong_class", scored["feedback"]!.AsArray().Single()!["reason"]!.GetValue<string>());
        Assert.Equal(0, scored["score"]!.GetValue<double>());
        Assert.Equal(HttpStatusCode.BadRequest, withV1.StatusCode);
        var field = Assert.Single((await withV1.JsonAsync())["errors"]!.AsObject());
        Assert.StartsWith("candidate[0]", field.Key);
        Assert.Contains("unknown_class", field.Value!.AsArray()[0]!.GetValue<string>());
    }

    [Fact]
    public async Task ScoreWithProjectOntology_UnknownOrMissingVersion_Is400OnOntologyVersion()
    {
        var project = await app.SeedProjectAsync(("score-member", "annotator"));
        using var client = app.ClientFor("score-member");

        using var unknown = await client.PostAsync($"/api/projects/{project}/score", ProjectJson(7, "[]", "[]"));
        using var missing = await client.PostAsync($"/api/projects/{project}/score", new StringContent("""{ "gold": [], "candidate": [] }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("no ontology version 7", (await unknown.JsonAsync())["errors"]!["ontologyVersion"]!.AsArray()[0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotNull((await missing.JsonAsync())["errors"]!["ontologyVersion"]);
    }

    [Fact]
    public async Task ScoreWithProjectOntology_Outsider_Is404()
    {
        var project = await app.SeedProjectAsync(("score-insider", "annotator"));
        using var outsider = app.ClientFor("score-outsider");

        using var response = await outsider.PostAsync($"/api/projects/{project}/score", ProjectJson(1, "[]", "[]"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The options a score was computed with: <paramref name="matchThreshold"/>, and the defaults for the rest.</summary>
    private static void AssertOptions(System.Text.Json.Nodes.JsonNode options, double matchThreshold)
    {
        var defaults = ScoringOptions.Default;
        Assert.Equal(matchThreshold, options["matchThreshold"]!.GetValue<double>());
        Assert.Equal(defaults.PassOverlap, options["passOverlap"]!.GetValue<double>());
        Assert.Equal(defaults.PointSigma, options["pointSigma"]!.GetValue<double>());
        Assert.Equal(defaults.PolylineSigma, options["polylineSigma"]!.GetValue<double>());
        Assert.Equal(defaults.PolylineSamples, options["polylineSamples"]!.GetValue<int>());
        Assert.Equal(defaults.FallbackScale, options["fallbackScale"]!.GetValue<double>());
    }

    private static StringContent ProjectJson(int version, string gold, string candidate) =>
        new($$"""{ "ontologyVersion": {{version}}, "gold": {{gold}}, "candidate": {{candidate}}, "asset": { "width": 640, "height": 480 } }""", Encoding.UTF8, "application/json");

    private async Task<System.Text.Json.Nodes.JsonNode> ScoreAsync(string gold, string candidate)
    {
        using var client = app.ClientFor("scorer");
        using var response = await client.PostAsync("/api/score", Json(gold, candidate));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    private static StringContent Json(string gold, string candidate) =>
        new($$"""{ "ontology": {{Ontology}}, "gold": {{gold}}, "candidate": {{candidate}}, "asset": { "width": 640, "height": 480 } }""", Encoding.UTF8, "application/json");
}
