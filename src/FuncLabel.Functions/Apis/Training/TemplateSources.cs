using FuncLabel.Data.Assets;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Functions.Validation;

namespace FuncLabel.Functions.Apis.Training;

/// <summary>Builds a new template's asset, start and gold from the request (and the asset record when the asset is ingested).</summary>
public sealed class TemplateSources(AssetStore assets)
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
}
