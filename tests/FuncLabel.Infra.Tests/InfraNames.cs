using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.Data;
using FuncLabel.Data.Cosmos;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The content infra/names.json must have, made from the code: <see cref="ContainerDefinitions"/>,
/// <see cref="StorageNames"/> (queues, containers, the blob-created subscriptions and their filters) and, for each
/// subscription, the function the app's metadata has as the Event Grid blob trigger of that container
/// (<see cref="AppFunctionMetadata"/>). Bicep cannot read C#, so the names reach it through that generated file,
/// loaded with <c>loadJsonContent</c>; <see cref="NameConsistencyTests"/> fails with this content when the file drifts.
/// </summary>
internal static class InfraNames
{
    /// <summary>The expected content, and what the code lacks to make it (a container without a blob trigger).</summary>
    public static (JsonObject Names, IReadOnlyList<string> Missing) FromCode()
    {
        var missing = new List<string>();
        var names = new JsonObject
        {
            ["cosmos"] = new JsonObject
            {
                ["database"] = ContainerDefinitions.DatabaseName,
                ["containers"] = new JsonArray(ContainerDefinitions.All
                    .Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["partitionKeyPath"] = c.PartitionKeyPath })
                    .ToArray()),
            },
            ["queues"] = Strings(StorageNames.Queues.All.SelectMany(q => new[] { q, StorageNames.PoisonOf(q) })),
            ["blobContainers"] = Strings(StorageNames.BlobContainers.All),
            ["blobEventSubscriptions"] = new JsonArray(StorageNames.BlobEventSubscriptions
                .Select(s => (JsonNode)new JsonObject
                {
                    ["name"] = s.Name,
                    ["container"] = s.Container,
                    ["subjectBeginsWith"] = s.SubjectBeginsWith,
                    // Event Grid reads an empty suffix as "no suffix filter".
                    ["subjectEndsWith"] = s.SubjectEndsWith ?? "",
                    ["function"] = BlobTriggerOf(s.Container, missing),
                })
                .ToArray()),
        };
        return (names, missing);
    }

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static string? BlobTriggerOf(string container, List<string> missing)
    {
        var triggers = AppFunctionMetadata.EventGridBlobTriggers.Where(f => f.BlobContainer == container).ToList();
        if (triggers.Count == 1)
        {
            return triggers[0].Name;
        }

        missing.Add(triggers.Count == 0
            ? $"no blob trigger with Source = EventGrid on container '{container}'"
            : $"{triggers.Count} blob triggers with Source = EventGrid on container '{container}' ({string.Join(", ", triggers.Select(t => t.Name))}); one subscription delivers to one function");
        return null;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
