using FuncLabel.Data.Training;

namespace FuncLabel.Functions.Training;

/// <summary>
/// Which assets a project member who is not an owner may download for training: the asset of an enabled template
/// (practice) or of a template in an enabled exam (attempts show disabled templates too, pinned at their version).
/// </summary>
/// <remarks>
/// Asked by <c>GET …/assets/{assetId}/content</c> for non-owners; a "no" there is a 404, so the answer never tells an
/// outsider of training whether an asset exists. Cost: one query for the asset's templates and, only when none of them
/// is enabled, one for the project's enabled exams — both single-partition reads of the project's own documents.
/// </remarks>
internal sealed class TrainingAssetAccess(TrainingStore training)
{
    public async Task<bool> AllowsAsync(string projectId, string assetId, CancellationToken cancellationToken)
    {
        var disabled = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var template in training.TemplatesOnAssetAsync(projectId, assetId, cancellationToken))
        {
            if (template.Enabled)
            {
                return true;
            }

            disabled.Add(template.TemplateId);
        }

        if (disabled.Count == 0)
        {
            return false;
        }

        await foreach (var templateIds in training.EnabledExamTemplateIdsAsync(projectId, cancellationToken))
        {
            if (templateIds.Any(disabled.Contains))
            {
                return true;
            }
        }

        return false;
    }
}
