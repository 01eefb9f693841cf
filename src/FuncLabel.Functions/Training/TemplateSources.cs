using FuncLabel.Data.Assets;
using FuncLabel.Data.Training;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Work;
using FuncLabel.Functions.Validation;
using FuncLabel.Functions.Work;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Training;

/// <summary>Builds a new template's asset, start and gold from the request (and the asset record when the asset is ingested).</summary>
internal sealed class TemplateSources(AssetStore assets, WorkStore work, TaskLabelStore labels)
{
    /// <summary>
    /// A directly created template: the asset's size comes from its asset record when the asset is ingested (the given
    /// <c>extent</c> is then ignored), else from the request (a template prepared before its asset is uploaded).
    /// Start and gold are validated against the current ontology and that size.
    /// </summary>
    public async Task<TemplateSource?> DirectAsync(string projectId, CreateTemplateRequest request, Ontology ontology, FieldErrors errors, CancellationToken cancellationToken)
    {
        var asset = await assets.GetAsync(projectId, request.AssetId!, cancellationToken);
        var extent = asset?.Current is { } current
            ? new AssetExtent(current.Width, current.Height, current.CodePoints)
            : request.Extent ?? AssetExtent.Unknown;
        errors.Check(extent.Width is null or > 0, "extent.width", "must be positive")
            .Check(extent.Height is null or > 0, "extent.height", "must be positive")
            .Check(extent.CodePoints is null or >= 0, "extent.codePoints", "must not be negative");
        var start = request.Start is null ? [] : TrainingAnswers.Read(request.Start, "start", ontology, projectId, extent, AnnotationSource.Prelabel, errors);
        var gold = TrainingAnswers.Read(request.Gold, "gold", ontology, projectId, extent, AnnotationSource.Gold, errors);
        return errors.Any ? null : new TemplateSource(request.AssetId!, extent, start, gold, new TemplateOrigin(TemplateOriginKind.Direct));
    }

    /// <summary>
    /// A template made from work done in a job: gold = a pass's submitted answer (<c>taskId</c> = <c>{assetId}.{pass}</c>;
    /// once the pass is final, the label that counts — the drawer's, or the reviewer's edit) or the asset's consensus
    /// (<c>assetId</c>); start = the pre-labels a draw task of that asset starts from (route <c>prelabel</c>; the
    /// auto-accepted instances are context, not part of anyone's answer, so they are in neither).
    /// </summary>
    /// <remarks>
    /// Both are written back to Labelbox objects and read again against the project's <b>current</b> ontology, exactly as
    /// a direct template's would be: the content then carries a snapshot of the ontology it was validated against, and a
    /// label made under an older ontology that no longer fits is reported field by field (<c>gold[i]…</c>) rather than
    /// stored. The asset must still have the bytes the work was done on (409 <c>asset_changed</c>): trainees see the
    /// current bytes, so gold drawn on older ones would mislead them.
    /// </remarks>
    public async Task<(TemplateSource? Source, ProblemHttpResult? Problem)> FromWorkAsync(
        string projectId, TemplateFromTaskRequest request, Ontology ontology, FieldErrors errors, CancellationToken cancellationToken)
    {
        string assetId;
        int? pass = null;
        if (request.TaskId is not null)
        {
            if (!TaskIds.TryParse(request.TaskId, out assetId, out var number))
            {
                return (null, Problems.NotFound($"Task '{request.TaskId}' was not found."));
            }

            pass = number;
        }
        else
        {
            assetId = request.AssetId!;
        }

        var what = pass is null ? $"The consensus of asset '{assetId}' in job '{request.JobId}'" : $"Task '{request.TaskId}' of job '{request.JobId}'";
        // The work partition is the project's job (WorkPartition): an item found there is of a job of this project.
        var item = await work.GetAsync(projectId, request.JobId!, assetId, cancellationToken);
        if (item is null)
        {
            return (null, Problems.NotFound($"{what} was not found."));
        }

        string? labelId;
        if (pass is { } p)
        {
            var slot = item.Item.Find(p);
            if (slot is null)
            {
                return (null, Problems.NotFound($"{what} was not found."));
            }

            labelId = slot.Stage == PassStage.Final ? slot.ResultLabelId ?? slot.LabelId : slot.LabelId;
            if (labelId is null)
            {
                return (null, Problems.Conflict("task_not_submitted", $"{what} has no submitted answer yet."));
            }
        }
        else
        {
            labelId = item.Item.Consensus.Stage == ConsensusStage.Done ? item.Item.Consensus.LabelId : null;
            if (labelId is null)
            {
                return (null, Problems.Conflict("consensus_not_ready", $"{what} is not merged yet (every pass must be final)."));
            }
        }

        var asset = await assets.GetAsync(projectId, assetId, cancellationToken);
        if (asset?.Current is not { } current)
        {
            return (null, Problems.NotFound($"Asset '{assetId}' was not found."));
        }

        if (item.Item.AssetChanged || current.Sha256 != item.Item.AssetVersion)
        {
            return (null, Problems.Conflict("asset_changed", $"Asset '{assetId}' has new bytes since {what.ToLowerInvariant()} was made."));
        }

        var label = (await labels.GetAsync(assetId, labelId, cancellationToken))?.Label;
        if (label is null)
        {
            return (null, Problems.Conflict("task_not_submitted", $"{what} has no stored answer."));
        }

        var prelabels = await labels.PrelabelsAsync(assetId, cancellationToken);
        var prelabeled = prelabels.Routed(ConfidenceRoute.Prelabel);
        var extent = new AssetExtent(current.Width, current.Height, current.CodePoints);
        var start = TrainingAnswers.Read(LabelboxArray(assetId, prelabeled), "start", ontology, projectId, extent, AnnotationSource.Prelabel, errors);
        var gold = TrainingAnswers.Read(LabelboxArray(assetId, label.Annotations), "gold", ontology, projectId, extent, AnnotationSource.Gold, errors);
        if (errors.Any)
        {
            return (null, null);
        }

        var origin = pass is null
            ? new TemplateOrigin(TemplateOriginKind.Consensus, request.JobId, AssetId: assetId)
            : new TemplateOrigin(TemplateOriginKind.Task, request.JobId, request.TaskId, assetId);
        return (new TemplateSource(assetId, extent, start, gold, origin), null);
    }

    private static System.Text.Json.JsonElement LabelboxArray(string assetId, IReadOnlyList<Annotation> annotations) =>
        System.Text.Json.JsonSerializer.SerializeToElement(LabelboxJson.Of(assetId, annotations));
}
