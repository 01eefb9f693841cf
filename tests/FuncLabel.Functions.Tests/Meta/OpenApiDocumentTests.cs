using System.Net;
using System.Text.Json.Nodes;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Scoring;
using FuncLabel.Functions.Training;

namespace FuncLabel.Functions.Tests.Meta;

/// <summary>
/// <c>/api/openapi.json</c> describes exactly the app's HTTP operations, both ways, each with a summary, and gives
/// annotation bodies their shape.
/// </summary>
public sealed class OpenApiDocumentTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    [Fact]
    public async Task Document_HoldsEveryOperation_AndNothingElse()
    {
        var document = await DocumentAsync();
        var described = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        var functions = HttpFunctionCatalog.Instance.Functions.Where(f => f.IsOperation)
            .SelectMany(f => f.Methods.Select(m => $"{m} /api/{f.Route}"))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(functions, described);
        Assert.True(functions.Count > 60, $"only {functions.Count} operations");
    }

    [Fact]
    public async Task EveryOperation_HasASummaryTagAndResponses()
    {
        var document = await DocumentAsync();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var summary = operation!["summary"]?.GetValue<string>();
                Assert.False(string.IsNullOrWhiteSpace(summary), $"{method} {path} has no summary");
                Assert.NotEqual(operation["operationId"]!.GetValue<string>(), summary);
                Assert.NotEmpty(operation["tags"]!.AsArray());
                Assert.NotEmpty(operation["responses"]!.AsObject());
            }
        }
    }

    [Fact]
    public async Task AnnotationBodies_HaveTheirShape_NotAnUntypedValue()
    {
        var document = await DocumentAsync();
        var score = document["components"]!["schemas"]!["ScoreRequest"]!["properties"]!;
        foreach (var field in new[] { "gold", "candidate" })
        {
            var schema = score[field]!;
            Assert.Equal("array", schema["type"]?.GetValue<string>());
            var line = schema["items"]!["properties"]!;
            Assert.NotNull(line["bbox"]);
            Assert.NotNull(line["polygon"]);
            Assert.NotNull(line["classifications"]);
        }

        var practice = document["components"]!["schemas"]!["PracticeRequest"]!["properties"]!["answer"]!;
        Assert.Equal("array", practice["type"]?.GetValue<string>());
    }

    [Fact]
    public async Task ProjectOperations_SayTheRoleTheyNeed_AndUseBearerTokens()
    {
        var document = await DocumentAsync();
        var create = document["paths"]!["/api/projects/{projectId}/jobs"]!["post"]!;
        Assert.Contains("owner", create["description"]!.GetValue<string>());
        Assert.NotNull(create["security"]);
        Assert.NotNull(create["requestBody"]);
        Assert.NotNull(create["responses"]!["201"]);
        Assert.Null(document["paths"]!["/api/health"]!["get"]!["security"]);
    }

    private async Task<JsonNode> DocumentAsync()
    {
        using var client = app.ClientFor(null);
        using var response = await client.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
