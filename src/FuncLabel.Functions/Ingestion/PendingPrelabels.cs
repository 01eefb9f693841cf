using FuncLabel.Data.Assets;
using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Functions.Ingestion;

/// <summary>
/// Applies pre-label lines that arrived before their asset (DESIGN.md, assets and arrival order). Called by asset
/// ingestion when the asset arrives, and by the importer after parking lines for assets that arrived meanwhile (an
/// asset registered between the importer's lookup and its park would otherwise miss them). Each line becomes a
/// pre-label on the asset's current version, then its pending document is deleted; repeating it rewrites the same
/// pre-label, so a crash half-way is finished by the next call.
/// </summary>
public static class PendingPrelabels
{
    /// <summary>Turns the lines parked for this globalKey into pre-labels on the current version, then removes them.</summary>
    public static async Task<int> ApplyAsync(PrelabelStore prelabels, AssetDocument asset, CancellationToken cancellationToken)
    {
        var applied = 0;
        await foreach (var line in prelabels.PendingForAsync(asset.ProjectId, asset.GlobalKey, cancellationToken))
        {
            await prelabels.UpsertAsync(
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
                },
                cancellationToken);
            await prelabels.RemovePendingAsync(line, cancellationToken);
            applied++;
        }

        return applied;
    }

}
