using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FuncLabel.Functions.Declarations;
using FuncLabel.Testing;

namespace FuncLabel.Functions.Tests.Declarations;

/// <summary>
/// The generated <c>function.json</c> files and the root host.json carry what the Functions host needs
/// (docs/local-host.md, The host behaviour it copies) — the required fields are written out here, not read
/// from the generator — and every declared function answers at <c>POST /{Name}</c>.
/// </summary>
public sealed class FunctionMetadataTests(FuncLabelApp app) : IClassFixture<FuncLabelApp>
{
    public static TheoryData<string> FunctionNames => new(Functions.Declarations.Functions.All.Select(f => f.Name));

    [Fact]
    public void Functions_DeclareOneForwardedHttpFunctionAndAtLeastOneQueueOrTimerFunction()
    {
        var all = Functions.Declarations.Functions.All;
        Assert.Single(all, f => f.Trigger is HttpCatchAllTrigger);
        Assert.Contains(all, f => f.Trigger is QueueTrigger or TimerTrigger);
        Assert.Equal(all.Count, all.Select(f => f.Name.ToLowerInvariant()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(FunctionNames))]
    public void FunctionJson_HasTheBindingFieldsTheHostRequires(string name)
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        FunctionMetadata.Write(folder, Functions.Declarations.Functions.All);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, name, "function.json")))!.AsObject();
        var bindings = json["bindings"]!.AsArray().Select(b => b!.AsObject()).ToList();
        var trigger = Assert.Single(bindings, b => b["direction"]!.GetValue<string>() == "in");
        Assert.False(string.IsNullOrEmpty(trigger["name"]?.GetValue<string>()));

        switch (trigger["type"]!.GetValue<string>())
        {
            case "httpTrigger":
                // Forwarded only with exactly one httpTrigger input and exactly one http output (§1.3).
                Assert.Equal(2, bindings.Count);
                var output = Assert.Single(bindings, b => b["direction"]!.GetValue<string>() == "out");
                Assert.Equal(("http", "$return"), (output["type"]!.GetValue<string>(), output["name"]!.GetValue<string>()));
                Assert.Equal("anonymous", trigger["authLevel"]!.GetValue<string>());
                Assert.Equal("{*path}", trigger["route"]!.GetValue<string>());
                Assert.Equal(
                    new[] { "delete", "get", "head", "options", "patch", "post", "put" },
                    trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>()).Order());
                break;
            case "queueTrigger":
                Assert.Single(bindings);
                Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", trigger["queueName"]!.GetValue<string>());
                Assert.False(string.IsNullOrEmpty(trigger["connection"]!.GetValue<string>()));
                Assert.Equal("binary", trigger["dataType"]!.GetValue<string>());
                break;
            case "timerTrigger":
                Assert.Single(bindings);
                var schedule = trigger["schedule"]!.GetValue<string>();
                Assert.True(Regex.IsMatch(schedule, "^%[A-Za-z0-9_]+%$") || schedule.Split(' ').Length == 6, $"'{schedule}' is not 6-field NCRONTAB or %Setting%");
                Assert.NotNull(trigger["runOnStartup"]);
                Assert.NotNull(trigger["useMonitor"]);
                break;
            default:
                Assert.Fail($"Unexpected trigger type {trigger["type"]}.");
                break;
        }
    }

    [Fact]
    public void RootHostJson_ForwardsHttpAndNamesTheHandler()
    {
        var host = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("host.json")))!;
        Assert.Equal("2.0", host["version"]!.GetValue<string>());
        Assert.True(host["customHandler"]!["enableForwardingHttpRequest"]!.GetValue<bool>());
        Assert.Equal("app/FuncLabel.Functions", host["customHandler"]!["description"]!["defaultExecutablePath"]!.GetValue<string>());
        Assert.DoesNotContain(
            host["customHandler"]!["description"]!["arguments"]!.AsArray(),
            a => a!.GetValue<string>().Contains("FUNCTIONS_CUSTOMHANDLER_PORT", StringComparison.Ordinal));
        Assert.Equal("Microsoft.Azure.Functions.ExtensionBundle", host["extensionBundle"]!["id"]!.GetValue<string>());
        Assert.Equal("[4.*, 5.0.0)", host["extensionBundle"]!["version"]!.GetValue<string>());
        Assert.Equal("base64", host["extensions"]!["queues"]!["messageEncoding"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryQueueAndTimerFunction_AnswersAtPostFunctionName()
    {
        using var client = app.ClientFor(null);
        foreach (var function in Functions.Declarations.Functions.All.Where(f => f.Trigger is not HttpCatchAllTrigger))
        {
            var data = function.Trigger is TimerTrigger
                ? $$"""{ "{{function.Trigger.BindingName}}": { "Schedule": { "AdjustForDST": true }, "ScheduleStatus": null, "IsPastDue": false } }"""
                : $$"""{ "{{function.Trigger.BindingName}}": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes("{}"))}}" }""";
            using var content = new StringContent($$"""{ "Data": {{data}}, "Metadata": { "DequeueCount": "1", "sys": { "MethodName": "{{function.Name}}" } } }""", Encoding.UTF8, "application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, "/" + function.Name) { Content = content };
            request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());

            using var response = await client.SendAsync(request);

            Assert.NotEqual(HttpStatusCode.NotFound, response.StatusCode);
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            if (function.Trigger is TimerTrigger)
            {
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
                Assert.NotNull(body["Logs"]);
                Assert.NotNull(body["Outputs"]);
            }
        }
    }
}
