using FuncLabel.Data;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Ontologies;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Export;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Builds an export into the <c>exports</c> blob container under <c>{projectId}/{jobId}/{exportId}/</c>:
/// <c>consensus.ndjson</c> (one label per merged asset: the consensus, or the auto-accepted instances) or
/// <c>pass-{n}.ndjson</c> per pass number (every final pass; one file per pass because the same uuid may appear in
/// several passes of one data row, which one NDJSON file must not contain), and <c>coco.json</c> of the consensus.
/// Assets not merged yet are left out and counted in the job's progress instead.
/// </summary>
/// <remarks>Files are built in memory before upload; large jobs would stream blocks instead (not needed at current scale).</remarks>
internal sealed class ExportBuilder(WorkStore work, TaskLabelStore labels, AssetStore assets, OntologyStore ontologies, ExportStore exports, ExportFileStore files, TimeProvider time)
{
    public async Task<string> BuildAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        var export = await exports.GetAsync(message.ProjectId, message.JobId, message.ExportId!, cancellationToken);
        if (export is null || export.State == ExportState.Done)
        {
            return "export already done or missing";
        }

        var ontology = await ontologies.GetCurrentOntologyAsync(message.ProjectId, cancellationToken);
        var consensus = new List<(AssetDocument? Asset, Label Label)>();
        var passes = new SortedDictionary<int, List<Label>>();
        await foreach (var item in work.AllAsync(message.ProjectId, message.JobId, cancellationToken))
        {
            var asset = await assets.GetAsync(message.ProjectId, item.AssetId, cancellationToken);
            if (await ConsensusLabelAsync(item, cancellationToken) is { } label)
            {
                consensus.Add((asset, label));
            }

            if (export.Content == ExportContent.AllPasses)
            {
                foreach (var pass in item.Item.Passes.Where(p => p.Stage == PassStage.Final))
                {
                    if (await labels.GetAsync(item.AssetId, pass.ResultLabelId!, cancellationToken) is { Label: { } passLabel })
                    {
                        (passes.TryGetValue(pass.Pass, out var list) ? list : passes[pass.Pass] = []).Add(passLabel);
                    }
                }
            }
        }

        var written = new List<string>();
        if (export.Content == ExportContent.Consensus)
        {
            written.Add(await UploadNdjsonAsync(message, "consensus.ndjson", consensus.Select(c => c.Label), cancellationToken));
        }
        else
        {
            foreach (var (pass, list) in passes)
            {
                written.Add(await UploadNdjsonAsync(message, $"pass-{pass}.ndjson", list, cancellationToken));
            }
        }

        int cocoSkipped = 0;
        if (ontology is not null)
        {
            using var coco = new MemoryStream();
            var summary = await CocoWriter.WriteAsync(coco, ontology, CocoImages(consensus).ToAsyncEnumerable(), cancellationToken);
            cocoSkipped = summary.Skipped;
            written.Add(await files.WriteAsync(message.ProjectId, message.JobId, message.ExportId!, "coco.json", new BinaryData(coco.ToArray()), "application/json", cancellationToken));
        }

        var done = export with
        {
            State = ExportState.Done,
            CompletedAt = time.GetUtcNow(),
            Files = written,
            Assets = consensus.Count,
            Annotations = consensus.Sum(c => c.Label.Annotations.Count),
            CocoSkipped = cocoSkipped,
        };
        var completed = await exports.CompleteAsync(done, new ChangeContext("system", time.GetUtcNow(), message.ProjectId), cancellationToken);
        return completed.Succeeded ? $"export of {consensus.Count} assets" : "export changed meanwhile";
    }

    private async Task<Label?> ConsensusLabelAsync(WorkItemDocument item, CancellationToken cancellationToken)
    {
        switch (item.Item.Consensus.Stage)
        {
            case ConsensusStage.Done:
                return (await labels.GetAsync(item.AssetId, item.Item.Consensus.LabelId!, cancellationToken))?.Label;
            case ConsensusStage.AutoAccepted:
                var accepted = (await labels.PrelabelsAsync(item.AssetId, cancellationToken)).Where(p => p.Route == ConfidenceRoute.Accept).ToList();
                return new Label("model", item.AssetId, item.Item.AssetVersion, accepted.Select(a => a.OntologyVersion).DefaultIfEmpty(0).Max(),
                    Domain.Collections.ValueList.From(accepted.Select(a => a.Annotation)));
            default:
                return null;
        }
    }

    private static IEnumerable<CocoImage> CocoImages(IEnumerable<(AssetDocument? Asset, Label Label)> consensus) =>
        consensus.Select(c => new CocoImage(c.Label.AssetId, c.Asset?.GlobalKey ?? c.Label.AssetId, c.Asset?.Current?.Width ?? 0, c.Asset?.Current?.Height ?? 0, c.Label.Annotations));

    private async Task<string> UploadNdjsonAsync(WorkMessage message, string fileName, IEnumerable<Label> labels, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        var lines = labels.SelectMany(l => l.Annotations.Select(a => (DataRowReference.ById(l.AssetId), a)));
        await NdjsonAnnotationWriter.WriteAsync(stream, lines.ToAsyncEnumerable(), cancellationToken);
        return await files.WriteAsync(message.ProjectId, message.JobId, message.ExportId!, fileName, new BinaryData(stream.ToArray()), "application/x-ndjson", cancellationToken);
    }
}
