using System.Text.Json;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;

namespace FuncLabel.Functions.Tests;

/// <summary>Every document of the given partitions of every container, as canonical text, to prove a request wrote nothing.</summary>
internal static class DatabaseSnapshot
{
    public static async Task<string> TakeAsync(CosmosDatabase database, IEnumerable<string> partitionKeys)
    {
        var lines = new List<string>();
        foreach (var container in ContainerDefinitions.All)
        {
            foreach (var pk in partitionKeys)
            {
                await foreach (var doc in database.Container(container).QueryAllAsync<JsonElement>(new PartitionQuery(pk), CancellationToken.None))
                {
                    lines.Add($"{container.Name}/{pk}/{doc.GetProperty("id").GetString()}: {doc.GetRawText()}");
                }
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    /// <summary>The partitions a project's requests can touch on <paramref name="day"/>.</summary>
    public static string[] ProjectPartitions(string projectId, DateTimeOffset day, params string[] users) =>
        [projectId, "projects", LedgerEvent.PartitionFor(projectId, day), LedgerEvent.PartitionFor(LedgerEvent.OrgScope, day), .. users];
}
