using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncLabel.Functions.Http;
using FuncLabel.Testing;

namespace FuncLabel.Functions.Tests.Hosting;

/// <summary>
/// The function metadata the Worker SDK generates from the <c>[Function]</c> methods (what the worker sends the host
/// at start, and what <c>functions.metadata</c> holds) carries what the Functions host needs, and host.json is an
/// isolated worker's: the required fields are written out here, not read from the generator.
/// </summary>
public sealed class FunctionMetadataTests
{
    private static readonly IReadOnlyList<(string Name, JsonObject Trigger, IReadOnlyList<JsonObject> Bindings)> Functions =
        new GeneratedFunctionMetadataProvider().GetFunctionMetadataAsync("").GetAwaiter().GetResult()
            .Select(f =>
            {
                var bindings = f.RawBindings!.Select(b => JsonNode.Parse(b)!.AsObject()).ToList();
                return (f.Name!, bindings.Single(b => b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal)), (IReadOnlyList<JsonObject>)bindings);
            })
            .ToList();

    [Fact]
    public void EveryFunction_HasAUniqueName_AndTheTriggersTheDesignNames()
    {
        Assert.Equal(Functions.Count, Functions.Select(f => f.Name.ToLowerInvariant()).Distinct().Count());
        var types = Functions.Select(f => f.Trigger["type"]!.GetValue<string>()).ToHashSet();
        Assert.Superset(new HashSet<string> { "httpTrigger", "queueTrigger", "timerTrigger" }, types);
    }

    [Fact]
    public void HttpFunctions_AreAnonymous_AndAreTheCatalogsFunctions()
    {
        var http = Functions.Where(f => f.Trigger["type"]!.GetValue<string>() == "httpTrigger").ToList();
        Assert.All(http, f => Assert.Equal("Anonymous", f.Trigger["authLevel"]!.GetValue<string>(), ignoreCase: true));
        Assert.Equal(
            HttpFunctionCatalog.Instance.Functions.Select(f => f.Name).Order(StringComparer.Ordinal),
            http.Select(f => f.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QueueTriggers_NameValidQueues()
    {
        var queues = Functions.Where(f => f.Trigger["type"]!.GetValue<string>() == "queueTrigger").ToList();
        Assert.NotEmpty(queues);
        Assert.All(queues, f => Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", f.Trigger["queueName"]!.GetValue<string>()));
    }

    [Fact]
    public void TimerTriggers_AreSixFieldNcrontabOrASetting()
    {
        var timers = Functions.Where(f => f.Trigger["type"]!.GetValue<string>() == "timerTrigger").ToList();
        Assert.NotEmpty(timers);
        Assert.All(timers, f =>
        {
            var schedule = f.Trigger["schedule"]!.GetValue<string>();
            Assert.True(Regex.IsMatch(schedule, "^%[A-Za-z0-9_]+%$") || schedule.Split(' ').Length == 6, $"'{schedule}' is not 6-field NCRONTAB or %Setting%");
        });
    }

    [Fact]
    public void RootHostJson_IsAnIsolatedWorkersHostJson()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("host.json")))!;
        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.Null(host["customHandler"]);
        Assert.Null(host["extensionBundle"]); // an isolated worker brings its extensions in the build output
        Assert.Equal("api", host["extensions"]!["http"]!["routePrefix"]!.GetValue<string>());
        Assert.Equal("base64", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
    }
}
