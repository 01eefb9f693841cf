using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Ledger;

/// <summary>Reads of the immutable <c>ledger</c>: one scope's day, or one resource's history within a day.</summary>
internal sealed class LedgerStore(CosmosDatabase database)
{
    private DocumentContainer Documents => database.Container(ContainerDefinitions.Ledger);

    public IAsyncEnumerable<LedgerEvent> DayAsync(string scope, DateOnly day, CancellationToken cancellationToken) =>
        Documents.QueryAllAsync<LedgerEvent>(
            new PartitionQuery(LedgerEvent.PartitionFor(scope, new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero))),
            cancellationToken);
}
