using System.Text.Json.Nodes;
using FuncLabel.Data;
using FuncLabel.Data.Cosmos;
using FuncLabel.Infra.Tests.Arm;
using FuncLabel.Testing;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The names in the compiled ARM JSON of infra/main.bicep are the code's: Cosmos DB database, containers and partition
/// keys (<see cref="ContainerDefinitions"/>), queues with their poison twins, blob containers and blob-created event
/// subscriptions (<see cref="StorageNames"/>); and the local blob watcher's blobwatcher.json describes the same
/// subscriptions.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class NameConsistencyTests(CompiledInfra infra)
{
    [Fact]
    public void NamesJson_MatchesCode()
    {
        var expected = InfraNames.FromCode();
        var actual = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("infra", "names.json")));

        Assert.True(
            JsonNode.DeepEquals(expected, actual),
            $"infra/names.json is out of date with FuncLabel.Data; replace it with:\n{InfraNames.Text(expected)}");
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
        var deployed = infra.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions")
            .Select(s =>
            {
                Assert.Equal(["Microsoft.Storage.BlobCreated"], Assert.IsType<JsonArray>(s.At("properties.filter.includedEventTypes")).Select(t => (string?)t));
                Assert.Equal("EventGridSchema", s.TextAt("properties.eventDeliverySchema"));
                var destination = s.At("properties.deliveryWithResourceIdentity.destination") ?? s.At("properties.destination");
                Assert.Equal("StorageQueue", (string?)destination?["endpointType"]);
                return new Subscription(
                    s.LeafName,
                    s.TextAt("properties.filter.subjectBeginsWith"),
                    NullIfEmpty(s.TextAt("properties.filter.subjectEndsWith")),
                    (string?)destination?["properties"]?["queueName"]);
            })
            .OrderBy(s => s.Name, StringComparer.Ordinal);

        Assert.Equal(ExpectedSubscriptions(), deployed);
    }

    [Fact]
    public void EventSubscriptions_DeliverToQueuesTheTemplateCreates()
    {
        var queues = infra.OfType("Microsoft.Storage/storageAccounts/queueServices/queues").Select(q => q.LeafName).ToHashSet();

        foreach (var subscription in infra.OfType("Microsoft.EventGrid/systemTopics/eventSubscriptions"))
        {
            Assert.Contains(subscription.TextAt("properties.deliveryWithResourceIdentity.destination.properties.queueName")!, queues);
        }
    }

    [Fact]
    public void BlobWatcherConfig_DescribesTheSameSubscriptions()
    {
        var config = JsonNode.Parse(File.ReadAllText(RepoPaths.Of("blobwatcher.json")))!;

        var watched = Assert.IsType<JsonArray>(config["subscriptions"])
            .Select(s => new Subscription(
                (string)s!["name"]!,
                (string?)s["subjectBeginsWith"] ?? new BlobEventSubscription("", (string)s["container"]!, "", null).SubjectBeginsWith,
                NullIfEmpty((string?)s["subjectEndsWith"]),
                (string?)s["function"]))
            .OrderBy(s => s.Name, StringComparer.Ordinal);

        Assert.Equal(ExpectedSubscriptions(), watched);
    }

    private static IEnumerable<Subscription> ExpectedSubscriptions() =>
        StorageNames.BlobEventSubscriptions
            .Select(s => new Subscription(s.Name, s.SubjectBeginsWith, s.SubjectEndsWith, s.Function))
            .OrderBy(s => s.Name, StringComparer.Ordinal);

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private sealed record Subscription(string Name, string? SubjectBeginsWith, string? SubjectEndsWith, string? Function);
}
