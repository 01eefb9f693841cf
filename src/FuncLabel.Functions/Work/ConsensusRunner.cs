using FuncLabel.Data.Assets;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Merges an asset's final passes once: whichever <c>task-events</c> message finds every pass final runs it. The
/// consensus label has a deterministic id (created once; a concurrent runner's create answers 409 and keeps the first)
/// and the item records it with one conditional write that only a pending item accepts, so the ledger shows one
/// <c>work.consensus</c> event per asset however many messages race.
/// </summary>
internal sealed class ConsensusRunner(WorkStore work, TaskLabelStore labels, AssetStore assets, TimeProvider time)
{
    /// <summary>Runs consensus if <paramref name="item"/> is ready; returns true when this call recorded it.</summary>
    public async Task<bool> RunIfReadyAsync(WorkItemDocument item, CancellationToken cancellationToken)
    {
        while (item.Item.AllPassesFinal && item.Item.Consensus.Stage == ConsensusStage.Pending)
        {
            var passes = new List<PassLabel>();
            foreach (var pass in item.Item.Passes)
            {
                var result = await labels.GetAsync(item.AssetId, pass.ResultLabelId!, cancellationToken)
                    ?? throw new InvalidOperationException($"Pass {pass.Pass} of {item.AssetId} names a missing label {pass.ResultLabelId}.");
                passes.Add(new PassLabel(pass.Pass, result.Label!));
            }

            var prelabels = await labels.PrelabelsAsync(item.AssetId, cancellationToken);
            var accepted = prelabels.Routed(ConfidenceRoute.Accept);
            var asset = await assets.GetAsync(item.ProjectId, item.AssetId, cancellationToken);
            var extent = asset?.Current is { } v ? new AssetExtent(v.Width, v.Height, v.CodePoints) : AssetExtent.Unknown;
            var merged = PassMerge.Of(item.AssetId, item.Item.AssetVersion, passes, accepted, extent);

            var now = time.GetUtcNow();
            var label = await labels.CreateAsync(
                new TaskLabelDocument
                {
                    Id = TaskLabelDocument.ConsensusId(item.JobId),
                    Pk = item.AssetId,
                    ProjectId = item.ProjectId,
                    JobId = item.JobId,
                    Kind = TaskLabelKind.Consensus,
                    Author = PassMerge.Author,
                    At = now,
                    Label = merged.Label,
                    Agreement = merged.Agreement,
                    Provenance = [.. merged.Instances.Select(i => new InstanceProvenance(i.Annotation.Uuid, i.Passes, i.SourceUuids, i.MeanSimilarity))],
                },
                cancellationToken);

            var step = item.Item.CompleteConsensus(label.Id, label.Agreement, now);
            if (!step.Succeeded)
            {
                return false;
            }

            var details = new Dictionary<string, string>
            {
                ["agreement"] = label.Agreement?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? "",
                ["instances"] = merged.Instances.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            foreach (var (pass, agreement) in PassAgreement.Of(merged.Label, passes, accepted, extent))
            {
                details[ReportDetails.PassDrawerKey(pass)] = item.Item.Find(pass)?.Drawer ?? "";
                details[ReportDetails.PassAgreementKey(pass)] = ReportDetails.Number(agreement);
            }

            var written = await work.ReplaceAsync(item, step.Value, new ChangeContext("system", now, item.ProjectId), "work.consensus", details, null, cancellationToken);
            if (written.Succeeded)
            {
                return true;
            }

            item = await work.GetAsync(item.ProjectId, item.JobId, item.AssetId, cancellationToken) ?? throw new InvalidOperationException("Work item vanished.");
        }

        return false;
    }
}
