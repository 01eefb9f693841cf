using FuncLabel.Data.Assets;
using FuncLabel.Data.Imports;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Applies pre-label lines that arrived before their asset (docs/product.md, Assets and arrival order). Called by asset
/// ingestion when the asset arrives, and by the importer after parking lines for assets that arrived meanwhile (an
/// asset registered between the importer's lookup and its park would otherwise miss them).
/// </summary>
/// <remarks>
/// <para>Each line becomes a pre-label on the asset's current version (an order-checked write: a newer import's
/// pre-label for the same uuid is kept), then its pending document is deleted with the ETag it was read with. A line
/// that a newer file parked meanwhile under the same id fails that delete and is applied on the next pass.</para>
/// <para>Counting: the delivery whose delete removed a line — exactly one, however many deliveries of the asset event
/// run, concurrently or one after another — adds it to its import's applied counts, one patch per import after the
/// deletes. A delivery that dies between its deletes and that patch loses those lines' count (the import keeps showing
/// them as pending); the pre-labels themselves are written before the deletes and are never lost.</para>
/// </remarks>
internal static class PendingPrelabels
{
    /// <summary>Passes over the partition before giving the rest to the next delivery (each pass applies every line it reads).</summary>
    private const int MaxPasses = 5;

    /// <summary>Turns the lines parked for this globalKey into pre-labels on the current version, removes them, and counts them on their imports.</summary>
    public static async Task<int> ApplyAsync(PrelabelStore prelabels, ImportStore imports, AssetDocument asset, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, (long Accepted, long ToReview)>(StringComparer.Ordinal);
        var total = 0;
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var lines = new List<PendingPrelabelDocument>();
            await foreach (var line in prelabels.PendingForAsync(asset.ProjectId, asset.GlobalKey, cancellationToken))
            {
                lines.Add(line);
            }

            var replaced = false;
            foreach (var line in lines)
            {
                await prelabels.WriteAsync(
                    new PrelabelDocument
                    {
                        Id = HashedIds.AnnotationId(line.Annotation.Uuid),
                        Pk = asset.Id,
                        ProjectId = asset.ProjectId,
                        AssetId = asset.Id,
                        Annotation = line.Annotation,
                        Route = line.Route,
                        ImportId = line.ImportId,
                        LineNumber = line.LineNumber,
                        OntologyVersion = line.OntologyVersion,
                        AssetVersion = asset.Current!.Sha256,
                        ImportOrder = line.ImportOrder,
                    },
                    expectExisting: false,
                    cancellationToken);
                switch (await prelabels.RemovePendingAsync(line, cancellationToken))
                {
                    case PendingRemoval.Removed:
                        var (accepted, toReview) = applied.GetValueOrDefault(line.ImportId);
                        applied[line.ImportId] = line.Route == ConfidenceRoute.Accept ? (accepted + 1, toReview) : (accepted, toReview + 1);
                        total++;
                        break;
                    case PendingRemoval.Replaced:
                        replaced = true;
                        break;
                }
            }

            if (!replaced)
            {
                break;
            }
        }

        foreach (var (importId, (accepted, toReview)) in applied)
        {
            await imports.CountAppliedAsync(asset.ProjectId, importId, accepted, toReview, cancellationToken);
        }

        return total;
    }
}
