using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Training;

/// <summary>Templates and exams (container <c>projects</c>) and template contents (container <c>labels</c>).</summary>
internal sealed class TrainingStore(CosmosDatabase database, StateWriter writer)
{
    private static readonly ContainerDefinition Projects = ContainerDefinitions.Projects;

    private DocumentContainer ProjectDocuments => database.Container(Projects);

    private DocumentContainer Labels => database.Container(ContainerDefinitions.Labels);

    public Task<TemplateDocument?> GetTemplateAsync(string projectId, string templateId, CancellationToken cancellationToken) =>
        ProjectDocuments.ReadAsync<TemplateDocument>(projectId, TemplateDocument.IdFor(templateId), cancellationToken);

    public Task<Page<TemplateDocument>> ListTemplatesAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        ProjectDocuments.QueryPageAsync<TemplateDocument>(new PartitionQuery(projectId, "c.docType = 'template'"), limit, continuationToken, cancellationToken);

    /// <summary>Creates (when <paramref name="current"/> is null) or replaces as read a template, recording <paramref name="action"/>.</summary>
    public Task<WriteResult<TemplateDocument>> SaveTemplateAsync(TemplateDocument template, TemplateDocument? current, ChangeContext change, string action, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(
            template with { Version = current?.Version ?? 0, Outbox = current?.Outbox ?? [], ETag = current?.ETag },
            change,
            TemplateDocument.Resource(template.ProjectId, template.TemplateId),
            action,
            new Dictionary<string, string>
            {
                ["templateId"] = template.TemplateId,
                ["contentVersion"] = template.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["enabled"] = template.Enabled ? "true" : "false",
            });
        return current is null ? writer.CreateAsync(Projects, next, cancellationToken) : writer.ReplaceAsync(Projects, next, cancellationToken);
    }

    /// <summary>Stores a version's start and gold; immutable, so a create (a nonce in the id makes it unique).</summary>
    public async Task<TemplateContentDocument> CreateContentAsync(TemplateContentDocument content, CancellationToken cancellationToken)
    {
        var created = await Labels.CreateAsync(content, cancellationToken).ConfigureAwait(false);
        return created.Succeeded ? created.Value : throw new InvalidOperationException($"Template content id {content.Id} was taken.");
    }

    public Task<TemplateContentDocument?> GetContentAsync(string assetId, string contentId, CancellationToken cancellationToken) =>
        Labels.ReadAsync<TemplateContentDocument>(assetId, contentId, cancellationToken);

    /// <summary>The templates of the project made on <paramref name="assetId"/> (one single-partition query; few per asset).</summary>
    public IAsyncEnumerable<TemplateDocument> TemplatesOnAssetAsync(string projectId, string assetId, CancellationToken cancellationToken) =>
        ProjectDocuments.QueryAllAsync<TemplateDocument>(new PartitionQuery(projectId, "c.docType = 'template' AND c.assetId = @asset").With("@asset", assetId), cancellationToken);

    /// <summary>The template ids of the project's enabled exams (one single-partition query).</summary>
    public IAsyncEnumerable<IReadOnlyList<string>> EnabledExamTemplateIdsAsync(string projectId, CancellationToken cancellationToken) =>
        ProjectDocuments.QueryAllAsync<IReadOnlyList<string>>(new PartitionQuery(projectId, "c.docType = 'exam' AND c.enabled = true", "VALUE c.templateIds"), cancellationToken);

    public Task<ExamDocument?> GetExamAsync(string projectId, string examId, CancellationToken cancellationToken) =>
        ProjectDocuments.ReadAsync<ExamDocument>(projectId, ExamDocument.IdFor(examId), cancellationToken);

    public Task<Page<ExamDocument>> ListExamsAsync(string projectId, int limit, string? continuationToken, CancellationToken cancellationToken) =>
        ProjectDocuments.QueryPageAsync<ExamDocument>(new PartitionQuery(projectId, "c.docType = 'exam'"), limit, continuationToken, cancellationToken);

    public Task<WriteResult<ExamDocument>> SaveExamAsync(ExamDocument exam, ExamDocument? current, ChangeContext change, string action, CancellationToken cancellationToken)
    {
        var next = StateChange.Next(
            exam with { Version = current?.Version ?? 0, Outbox = current?.Outbox ?? [], ETag = current?.ETag },
            change,
            ExamDocument.Resource(exam.ProjectId, exam.ExamId),
            action,
            new Dictionary<string, string>
            {
                ["examId"] = exam.ExamId,
                ["passMark"] = exam.PassMark.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["allowedAttempts"] = exam.AllowedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        return current is null ? writer.CreateAsync(Projects, next, cancellationToken) : writer.ReplaceAsync(Projects, next, cancellationToken);
    }
}
