using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Data.Work;

/// <summary>Labels made in jobs (drafts, passes, reviews, consensus) and the pre-labels they start from, in <c>labels</c> (pk = asset id).</summary>
internal sealed class TaskLabelStore(CosmosDatabase database)
{
    private DocumentContainer Documents => database.Container(ContainerDefinitions.Labels);

    public Task<TaskLabelDocument?> GetAsync(string assetId, string id, CancellationToken cancellationToken) =>
        Documents.ReadAsync<TaskLabelDocument>(assetId, id, cancellationToken);

    /// <summary>Creates a label with a deterministic id; an existing one (a retried request) is kept as it is.</summary>
    public async Task<TaskLabelDocument> CreateAsync(TaskLabelDocument label, CancellationToken cancellationToken)
    {
        var created = await Documents.CreateAsync(label, cancellationToken).ConfigureAwait(false);
        return created.Document ?? label;
    }

    /// <summary>Overwrites the caller's draft.</summary>
    public async Task SaveDraftAsync(TaskLabelDocument draft, CancellationToken cancellationToken) =>
        await Documents.Container.UpsertItemAsync(draft, new Microsoft.Azure.Cosmos.PartitionKey(draft.Pk), cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>The asset's imported pre-labels: those a human corrects and those auto-accepted (ingestion's documents).</summary>
    public async Task<IReadOnlyList<PrelabelDocument>> PrelabelsAsync(string assetId, CancellationToken cancellationToken)
    {
        var list = new List<PrelabelDocument>();
        await foreach (var p in Documents.QueryAllAsync<PrelabelDocument>(new PartitionQuery(assetId, "c.docType = 'prelabel'"), cancellationToken).ConfigureAwait(false))
        {
            list.Add(p);
        }

        return list;
    }

    /// <summary>True when the asset has pre-labels and every one was auto-accepted (the job may then skip drawing it).</summary>
    public static bool EveryInstanceAutoAccepted(IReadOnlyList<PrelabelDocument> prelabels) =>
        prelabels.Count > 0 && prelabels.All(p => p.Route == ConfidenceRoute.Accept);
}
