using System.Text.Json.Nodes;
using FuncLabel.Data;
using FuncLabel.Data.Cosmos;
using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// infra/names.json, the compiled templates and the local blob watcher's blobwatcher.json name the same Cosmos DB
/// database and containers, queues, blob containers and blob-created subscriptions as the code
/// (<see cref="ContainerDefinitions"/>, <see cref="StorageNames"/>). The subscriptions' functions are checked against
/// the app's function metadata in <see cref="BlobTriggerSubscriptionTests"/>.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class NameConsistencyTests(CompiledInfra infra)
{
    private const string EventSubscriptionType = "Microsoft.EventGrid/systemTopics/eventSubscriptions";

    [Fact]
    public void NamesJson_MatchesCode()
    {
        var (expected, missing) = InfraNames.FromCode();
        var actual = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("infra", "names.json")));

        Assert.True(
            missing.Count == 0,
            "the app's function metadata lacks what infra/names.json needs (a change to the app, not to names.json):\n  "
            + string.Join("\n  ", missing) + "\nThe app's functions with storage triggers:\n" + AppFunctionMetadata.DescribeStorageTriggers());
        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"infra/names.json is out of date with the code; replace it with:\n{InfraNames.Text(expected)}");
    }

    [Fact]
    public void CosmosDatabase_IsTheCodesDatabase()
    {
        var database = Assert.Single(infra.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases"));

        Assert.Equal(ContainerDefinitions.DatabaseName, database.LeafName);
        Assert.Equal(ContainerDefinitions.DatabaseName, database.TextAt("properties.resource.id"));
    }

    [Fact]
    public void CosmosContainers_MatchContainerDefinitions()
    {
        var deployed = infra.OfType("Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers")
            .Select(c =>
            {
                Assert.Equal(c.LeafName, c.TextAt("properties.resource.id"));
                Assert.Equal($"{ContainerDefinitions.DatabaseName}/{c.LeafName}", string.Join('/', c.Name.Split('/')[^2..]));
                var paths = Assert.IsType<JsonArray>(c.At("properties.resource.partitionKey.paths"));
                return new ContainerDefinition(c.LeafName, (string)Assert.Single(paths)!);
            })
            .OrderBy(c => c.Name, StringComparer.Ordinal);

        Assert.Equal(ContainerDefinitions.All.OrderBy(c => c.Name, StringComparer.Ordinal), deployed);
    }

    [Fact]
    public void Queues_AreTheCodesQueuesAndTheirPoisonTwins()
    {
        var expected = StorageNames.Queues.All.SelectMany(q => new[] { q, StorageNames.PoisonOf(q) });

        var deployed = infra.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.LeafName);

        Assert.Equal(expected.Order(StringComparer.Ordinal), deployed.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void BlobContainers_AreTheCodesContainersAndTheDeploymentContainer()
    {
        var app = Assert.Single(infra.OfType("Microsoft.Web/sites"));
        var deploymentUrl = app.TextAt("properties.functionAppConfig.deployment.storage.value");
        Assert.NotNull(deploymentUrl);
        var deploymentContainer = deploymentUrl[(deploymentUrl.LastIndexOf('/') + 1)..];

        var deployed = infra.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").Select(c => c.LeafName).ToList();

        Assert.Contains(deploymentContainer, deployed);
        Assert.DoesNotContain(deploymentContainer, StorageNames.BlobContainers.All);
        Assert.Equal(
            StorageNames.BlobContainers.All.Order(StringComparer.Ordinal),
            deployed.Where(c => c != deploymentContainer).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EventSubscriptions_MatchStorageNames()
    {
        var deployed = infra.BlobSubscriptions.OfType(EventSubscriptionType)
            .Select(s => new Subscription(
                s.LeafName,
                s.TextAt("properties.filter.subjectBeginsWith"),
                NullIfEmpty(s.TextAt("properties.filter.subjectEndsWith"))))
            .OrderBy(s => s.Name, StringComparer.Ordinal);

        Assert.Equal(ExpectedSubscriptions(), deployed);
    }

    [Fact]
    public void BlobWatcherConfig_DescribesTheSameSubscriptions()
    {
        var config = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("blobwatcher.json")))!;

        var watched = Assert.IsType<JsonArray>(config["subscriptions"])
            .Select(s => new Subscription(
                (string)s!["name"]!,
                (string?)s["subjectBeginsWith"] ?? $"/blobServices/default/containers/{(string)s["container"]!}/",
                NullIfEmpty((string?)s["subjectEndsWith"])))
            .OrderBy(s => s.Name, StringComparer.Ordinal);

        Assert.Equal(ExpectedSubscriptions(), watched);
    }

    private static IEnumerable<Subscription> ExpectedSubscriptions() =>
        StorageNames.BlobEventSubscriptions
            .Select(s => new Subscription(s.Name, s.SubjectBeginsWith, s.SubjectEndsWith))
            .OrderBy(s => s.Name, StringComparer.Ordinal);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private sealed record Subscription(string Name, string? SubjectBeginsWith, string? SubjectEndsWith);
}
