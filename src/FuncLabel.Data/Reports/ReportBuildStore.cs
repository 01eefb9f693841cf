using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Data.Reports;

/// <summary>Build records of reports (<see cref="ReportBuildDocument"/>), each build recorded with a <c>report.built</c> ledger event.</summary>
internal sealed class ReportBuildStore(CosmosDatabase database, StateWriter writer)
{
    public static (ContainerDefinition Container, string PartitionKey) Location(string scope) =>
        scope == LedgerEvent.OrgScope ? (ContainerDefinitions.Catalog, ReportBuildDocument.OrgPartition) : (ContainerDefinitions.Projects, scope);

    public Task<ReportBuildDocument?> GetAsync(string scope, ReportKind kind, DateOnly day, CancellationToken cancellationToken)
    {
        var (container, pk) = Location(scope);
        return database.Container(container).ReadAsync<ReportBuildDocument>(pk, ReportBuildDocument.IdFor(kind, day), cancellationToken);
    }

    /// <summary>
    /// Records one build: creates the record or replaces it as read, re-reading when a concurrent build got there
    /// first (both builds wrote the same files, so both are recorded; <see cref="ConditionalUpdate"/>). Returns the stored record.
    /// </summary>
    public Task<ReportBuildDocument> RecordAsync(string scope, ReportKind kind, DateOnly day, string trigger, ChangeContext change, CancellationToken cancellationToken)
    {
        var (container, pk) = Location(scope);
        return ConditionalUpdate.RunAsync(
            $"report build record {ReportBuildDocument.IdFor(kind, day)} in {pk}",
            ct => GetAsync(scope, kind, day, ct),
            current =>
            {
                var document = new ReportBuildDocument
                {
                    Id = ReportBuildDocument.IdFor(kind, day),
                    Pk = pk,
                    Scope = scope,
                    Kind = kind,
                    Day = day,
                    BuiltAt = change.At,
                    BuiltBy = change.Actor,
                    Version = current?.Version ?? 0,
                    Outbox = current?.Outbox ?? [],
                    ETag = current?.ETag,
                };
                var next = StateChange.Next(document, change, ReportBuildDocument.Resource(scope, kind, day), "report.built", new Dictionary<string, string>
                {
                    ["kind"] = ReportFiles.Name(kind),
                    ["day"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["trigger"] = trigger,
                });
                return UpdateDecision.Write(ct => current is null ? writer.CreateAsync(container, next, ct) : writer.ReplaceAsync(container, next, ct));
            },
            cancellationToken);
    }
}
