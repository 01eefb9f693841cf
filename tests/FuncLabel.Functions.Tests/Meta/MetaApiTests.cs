using System.Net;
using System.Text.Json.Nodes;

namespace FuncLabel.Functions.Tests.Meta;

public sealed class MetaApiTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Root_AnswersForHostReadiness()
    {
        using var client = app.ClientFor(null);
        using var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_ReportsCosmosOkWithLatency()
    {
        using var client = app.ClientFor(null);
        using var response = await client.GetAsync("/api/health");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", body["status"]!.GetValue<string>());
        Assert.Equal("ok", body["checks"]!["cosmos"]!["status"]!.GetValue<string>());
        Assert.True(body["checks"]!["cosmos"]!["latencyMs"]!.GetValue<double>() >= 0);
    }

    [Fact]
    public async Task OpenApi_IsServedUnderApi()
    {
        using var client = app.ClientFor(null);
        using var response = await client.GetAsync("/api/openapi.json");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(body["paths"]!["/api/projects"]);
    }

    [Fact]
    public async Task UnknownRoute_IsProblemDetails()
    {
        using var client = app.ClientFor(null);
        using var response = await client.GetAsync("/api/no-such-thing");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
