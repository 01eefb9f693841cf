using System.Text.Json.Nodes;
using System.Web;
using FuncLabel.Data;
using FuncLabel.Infra.Tests.Arm;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The Event Grid subscriptions of infra/blob-subscriptions.bicep and the queues of infra/main.bicep fit the functions
/// the app actually has (<see cref="AppFunctionMetadata"/>): each subscription delivers to the blob extension webhook of
/// a blob trigger with the Event Grid source on the container it filters, every such trigger has one, and every queue
/// trigger listens on a queue the infrastructure creates, poison twin included.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class BlobTriggerSubscriptionTests(CompiledInfra infra)
{
    private const string WebhookPath = "/runtime/webhooks/blobs";
    private const string FunctionIdPrefix = "Host.Functions.";

    [Fact]
    public void Subscriptions_DeliverToTheEventGridBlobTriggerOfTheirContainer()
    {
        var problems = new List<string>();
        foreach (var subscription in Subscriptions())
        {
            var function = AppFunctionMetadata.All.FirstOrDefault(f => f.Name == subscription.Function);
            if (function is null)
            {
                problems.Add($"{subscription.Name} delivers to {FunctionIdPrefix}{subscription.Function}, but the app has no function {subscription.Function}");
            }
            else if (!AppFunctionMetadata.EventGridBlobTriggers.Contains(function))
            {
                problems.Add($"{subscription.Name} delivers to {subscription.Function}, which is not a blob trigger with Source = EventGrid: {function.Trigger.ToJsonString()}");
            }
            else if (function.BlobContainer != subscription.Container)
            {
                problems.Add($"{subscription.Name} filters container '{subscription.Container}', but {subscription.Function} is triggered by '{function.BlobContainer}'");
            }
        }

        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void EveryEventGridBlobTrigger_HasOneSubscription()
    {
        var subscriptions = Subscriptions().ToList();

        var problems = AppFunctionMetadata.EventGridBlobTriggers
            .Select(f => (Function: f, Count: subscriptions.Count(s => s.Function == f.Name)))
            .Where(f => f.Count != 1)
            .Select(f => $"{f.Function.Name} (blob trigger on '{f.Function.BlobContainer}') has {f.Count} subscriptions; no event would reach it without one")
            .ToList();

        Assert.True(problems.Count == 0, Report(problems));
    }

    [Fact]
    public void Subscriptions_TargetTheBlobExtensionWebhookWithItsSystemKey()
    {
        var subscriptions = infra.BlobSubscriptions.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").ToList();

        Assert.NotEmpty(subscriptions);
        Assert.All(subscriptions, s =>
        {
            Assert.Equal("WebHook", s.TextAt("properties.destination.endpointType"));
            var url = new Uri(s.TextAt("properties.destination.properties.endpointUrl")!);
            Assert.Equal(Uri.UriSchemeHttps, url.Scheme);
            Assert.Equal(WebhookPath, url.AbsolutePath);
            var query = HttpUtility.ParseQueryString(url.Query);
            Assert.StartsWith(FunctionIdPrefix, query["functionName"]);
            // The key is read at deployment time, so the template holds no key (the evaluator cannot know it).
            Assert.Equal(ArmScope.Unknown, query["code"]);
        });
        var compiledUrl = Assert.Single(RawEndpointUrls());
        Assert.Matches(@"listKeys\(format\('\{0\}/host/default', resourceId\('Microsoft\.Web/sites', parameters\('functionAppName'\)\)\), '[0-9-]+'\)\.systemKeys\.blobs_extension", compiledUrl);
    }

    [Fact]
    public void QueueTriggers_ListenOnQueuesTheInfrastructureCreates()
    {
        var deployed = infra.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.LeafName).ToHashSet();

        var problems = AppFunctionMetadata.QueueTriggers
            .SelectMany(f => new[] { f.QueueName!, StorageNames.PoisonOf(f.QueueName!) }.Select(q => (Function: f.Name, Queue: q)))
            .Where(q => !deployed.Contains(q.Queue))
            .Select(q => $"{q.Function} needs queue {q.Queue}, which infra/main.bicep does not create")
            .ToList();

        Assert.True(problems.Count == 0, Report(problems));
    }

    private IEnumerable<Subscription> Subscriptions() =>
        infra.BlobSubscriptions.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions").Select(s =>
        {
            var url = new Uri(s.TextAt("properties.destination.properties.endpointUrl")!);
            var functionId = HttpUtility.ParseQueryString(url.Query)["functionName"] ?? "";
            var prefix = s.TextAt("properties.filter.subjectBeginsWith") ?? "";
            return new Subscription(
                s.LeafName,
                prefix.TrimEnd('/').Split('/')[^1],
                functionId.StartsWith(FunctionIdPrefix, StringComparison.Ordinal) ? functionId[FunctionIdPrefix.Length..] : functionId);
        });

    /// <summary>The endpoint URL expressions of the subscription resources as compiled, before evaluation.</summary>
    private IEnumerable<string> RawEndpointUrls() =>
        (infra.BlobSubscriptions.Template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject obj => obj.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        })
        .Where(r => (string?)r["type"] == "Microsoft.EventGrid/systemTopics/eventSubscriptions")
        .Select(r => (string)r["properties"]!["destination"]!["properties"]!["endpointUrl"]!);

    private static string Report(List<string> problems) =>
        string.Join('\n', problems) + "\nThe app's functions with storage triggers (function metadata):\n" + AppFunctionMetadata.DescribeStorageTriggers();

    private sealed record Subscription(string Name, string Container, string Function);
}
