using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Ledger;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Data.Reports;

/// <summary>Build records of reports (<see cref="ReportBuildDocument"/>), each build recorded with a <c>report.built</c> ledger event.</summary>
public sealed class ReportBuildStore(CosmosDatabase database, StateWriter writer)
{
    private const int Rounds = 5;

    public static (ContainerDefinition Container, string PartitionKey) Location(string scope) =>
        scope == LedgerEvent.OrgScope ? (ContainerDefinitions.Catalog, ReportBuildDocument.OrgPartition) : (ContainerDefinitions.Projects, scope);

    public Task<ReportBuildDocument?> GetAsync(string scope, ReportKind kind, DateOnly day, CancellationToken cancellationToken)
    {
        var (container, pk) = Location(scope);
        return database.Container(container).ReadAsync<ReportBuildDocument>(pk, ReportBuildDocument.IdFor(kind, day), cancellationToken);
    }

    /// <summary>
    /// Records one build: creates the record or replaces it as read, re-reading when a concurrent build got there
    /// first (both builds wrote the same files, so both are recorded). Returns the stored record.
    /// </summary>
    public async Task<ReportBuildDocument> RecordAsync(string scope, ReportKind kind, DateOnly day, string trigger, ChangeContext change, CancellationToken cancellationToken)
    {
        var (container, pk) = Location(scope);
        for (int round = 1; ; round++)
        {
            var current = await GetAsync(scope, kind, day, cancellationToken).ConfigureAwait(false);
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
            var written = current is null
                ? await writer.CreateAsync(container, next, cancellationToken).ConfigureAwait(false)
                : await writer.ReplaceAsync(container, next, cancellationToken).ConfigureAwait(false);
            if (written.Succeeded)
            {
                return written.Value;
            }

            if (round == Rounds)
            {
                throw new InvalidOperationException($"Report build record {document.Id} in {pk} kept changing under {Rounds} writes.");
            }
        }
    }
}
