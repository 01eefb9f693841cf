using System.Text.Json;
using System.Text.Json.Nodes;
using FuncLabel.Data;
using FuncLabel.Data.Cosmos;

namespace FuncLabel.Infra.Tests;

/// <summary>
/// The content infra/names.json must have, made from the code's definitions (<see cref="ContainerDefinitions"/>,
/// <see cref="StorageNames"/>). Bicep cannot read C#, so the names reach it through that generated file, loaded with
/// <c>loadJsonContent</c>; <see cref="NameConsistencyTests"/> fails with this content when the file drifts.
/// </summary>
internal static class InfraNames
{
    public static JsonObject FromCode() => new()
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
                ["function"] = s.Function,
            })
            .ToArray()),
    };

    public static string Text(JsonNode node) => node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
