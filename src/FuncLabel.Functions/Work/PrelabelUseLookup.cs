using FuncLabel.Data.Assets;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Work;

namespace FuncLabel.Functions.Work;

/// <summary>
/// What a first draw did with the pre-labels it started from (offered, submitted unchanged, edited), as ledger details
/// for the quality report. Looked up by the fan-out when it applies the submission, not by the submit request: the
/// request stays at its read, label create and write (docs/jobs-and-tasks.md, round trips).
/// </summary>
internal sealed class PrelabelUseLookup(TaskLabelStore labels)
{
    public async Task<IReadOnlyDictionary<string, string>> DetailsAsync(WorkItemDocument item, PassSlot slot, CancellationToken cancellationToken)
    {
        if (slot.LabelId is null || await labels.GetAsync(item.AssetId, slot.LabelId, cancellationToken) is not { Label: { } submitted })
        {
            return new Dictionary<string, string>();
        }

        var offered = await labels.PrelabelsAsync(item.AssetId, cancellationToken);
        var edits = PrelabelEdits.Of(offered.Routed(ConfidenceRoute.Prelabel), submitted.Annotations);
        return new Dictionary<string, string>
        {
            [ReportDetails.PrelabelsOffered] = ReportDetails.Number(edits.Offered),
            [ReportDetails.PrelabelsUnchanged] = ReportDetails.Number(edits.Unchanged),
            [ReportDetails.PrelabelsEdited] = ReportDetails.Number(edits.Edited),
        };
    }
}
