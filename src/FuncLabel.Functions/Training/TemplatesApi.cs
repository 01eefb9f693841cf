using FuncLabel.Data.Assets;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Training;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Training;

/// <summary>
/// Training templates and practice (docs/product.md, capability 6 and the rule "Practice vs exam"). Owners create and edit templates
/// and read gold; every member practises enabled templates and sees the start, never the gold.
/// </summary>
internal static class TemplatesApi
{
    

    /// <summary>
    /// Creates a template with version 1 directly from an asset id with a start and a gold answer, validated against the
    /// project's current ontology, whose snapshot the version keeps. (From a submitted task: <see cref="CreateFromTaskAsync"/>.)
    /// </summary>
    public static async Task<Results<Created<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string projectId, CreateTemplateRequest request, HttpContext http, [AsParameters] TrainingServices services, TemplateSources sources, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(request.Id is null || Ids.IsResourceId(request.Id), "id", "must be 3–63 characters: a-z, 0-9 and '-', starting with a letter or digit")
            .Text("name", request.Name, 1, 200)
            .Text("guide", request.Guide, 0, 20000, required: false)
            .Check(request.PassOverlap is null || IsPassOverlap(request.PassOverlap.Value), "passOverlap", PassOverlapRule);
        errors.Check(request.AssetId is { Length: > 0 and <= 200 } && !request.AssetId.Contains('/'), "assetId", "is required: the asset the template is about");

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var ontology = await services.Ontologies.GetCurrentOntologyAsync(projectId, cancellationToken);
        if (ontology is null)
        {
            return Problems.Conflict("no_ontology", "The project has no ontology yet; PUT one first.");
        }

        var source = await sources.DirectAsync(projectId, request, ontology, errors, cancellationToken);
        if (errors.Any || source is null)
        {
            return errors.ToProblem();
        }

        var settings = new NewTemplate(request.Id, request.Name!, request.Guide, request.PassOverlap, request.Enabled);
        return await StoreTemplateAsync(projectId, settings, source, ontology, "template.created", http, services, cancellationToken);
    }

    /// <summary>
    /// Creates a template with version 1 from work done in a job (docs/product.md, capability 6): <c>taskId</c> names a submitted
    /// pass (gold = its answer), or <c>assetId</c> an asset whose passes were merged (gold = the consensus); the start is
    /// the pre-labels that asset's draw tasks start from. See <see cref="TemplateSources.FromWorkAsync"/>.
    /// </summary>
    public static async Task<Results<Created<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> CreateFromTaskAsync(
        string projectId, TemplateFromTaskRequest request, HttpContext http, [AsParameters] TrainingServices services, TemplateSources sources, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(request.Id is null || Ids.IsResourceId(request.Id), "id", "must be 3–63 characters: a-z, 0-9 and '-', starting with a letter or digit")
            .Text("name", request.Name, 1, 200)
            .Text("guide", request.Guide, 0, 20000, required: false)
            .Check(request.PassOverlap is null || IsPassOverlap(request.PassOverlap.Value), "passOverlap", PassOverlapRule)
            .Check(Ids.IsResourceId(request.JobId), "jobId", "is required: the job the work was done in")
            .Check((request.TaskId is null) != (request.AssetId is null), "taskId", "give exactly one of taskId (a submitted pass, {assetId}.{pass}) and assetId (the asset's consensus)")
            .Check(request.AssetId is null || (request.AssetId.Length is > 0 and <= 200 && !request.AssetId.Contains('/')), "assetId", "must be an asset id")
            .Check(request.TaskId is null || request.TaskId.Length <= 210, "taskId", "must be a task id");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var ontology = await services.Ontologies.GetCurrentOntologyAsync(projectId, cancellationToken);
        if (ontology is null)
        {
            return Problems.Conflict("no_ontology", "The project has no ontology yet; PUT one first.");
        }

        var (source, problem) = await sources.FromWorkAsync(projectId, request, ontology, errors, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        if (errors.Any || source is null)
        {
            return errors.ToProblem();
        }

        var settings = new NewTemplate(request.Id, request.Name!, request.Guide, request.PassOverlap, request.Enabled);
        return await StoreTemplateAsync(projectId, settings, source, ontology, "template.created_from_task", http, services, cancellationToken);
    }

    /// <summary>Writes version 1's content, then the template that references it (409 <c>template_exists</c> on a taken id).</summary>
    private static async Task<Results<Created<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> StoreTemplateAsync(
        string projectId, NewTemplate settings, TemplateSource source, Ontology ontology, string action, HttpContext http, TrainingServices services, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var id = settings.Id ?? "t-" + Guid.NewGuid().ToString("N")[..16];
        if (await services.Training.GetTemplateAsync(projectId, id, cancellationToken) is not null)
        {
            return Problems.Conflict("template_exists", $"Template '{id}' already exists.");
        }

        var content = await StoreContentAsync(services, projectId, id, 1, source.AssetId, ontology, source.Start, source.Gold, cancellationToken);
        var template = new TemplateDocument
        {
            Id = TemplateDocument.IdFor(id),
            Pk = projectId,
            ProjectId = projectId,
            TemplateId = id,
            Name = settings.Name,
            Guide = settings.Guide ?? "",
            AssetId = source.AssetId,
            Extent = source.Extent,
            Enabled = settings.Enabled ?? true,
            PassOverlap = settings.PassOverlap ?? ScoringDefaults.PassOverlap,
            Origin = source.Origin,
            CurrentVersion = 1,
            Versions = [VersionInfo(content, caller.UserId, now)],
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        var saved = await services.Training.SaveTemplateAsync(template, null, new ChangeContext(caller.UserId, now, projectId), action, cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.Conflict("template_exists", $"Template '{id}' already exists.");
        }

        Versions.SetETag(http.Response, saved.Value.Version);
        return TypedResults.Created($"/api/projects/{projectId}/templates/{id}", TemplateOwnerView.From(saved.Value, content));
    }

    /// <summary>The settings a new template is created with, whatever its source.</summary>
    private sealed record NewTemplate(string? Id, string Name, string? Guide, double? PassOverlap, bool? Enabled);

    /// <summary>Owners see every template; other members the enabled ones. No start or gold in the list.</summary>
    public static async Task<Ok<ListPage<TemplateSummary>>> ListAsync(
        string projectId, int? limit, string? continuationToken, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var owner = http.ProjectAccess().Has(ProjectRole.Owner);
        var page = await services.Training.ListTemplatesAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<TemplateSummary>(
            page.Items.Where(t => owner || t.Enabled).Select(TemplateSummary.From).ToList(), page.ContinuationToken));
    }

    /// <summary>Owners and admins get the template with gold and versions; other members the practice view (start, no gold), enabled templates only.</summary>
    public static async Task<Results<Ok<TemplateOwnerView>, Ok<TemplateView>, ProblemHttpResult>> GetAsync(
        string projectId, string templateId, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var owner = http.ProjectAccess().Has(ProjectRole.Owner);
        var (template, content) = await LoadAsync(services, projectId, templateId, owner, cancellationToken);
        if (template is null || content is null)
        {
            return Problems.NotFound($"Template '{templateId}' was not found.");
        }

        Versions.SetETag(http.Response, template.Version);
        return owner ? TypedResults.Ok(TemplateOwnerView.From(template, content)) : TypedResults.Ok(TemplateView.From(template, content));
    }

    /// <summary>Renames, edits the guide or pass overlap, enables or disables; a new start or gold makes a new content version.</summary>
    public static async Task<Results<Ok<TemplateOwnerView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string projectId, string templateId, UpdateTemplateRequest request, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Text("name", request.Name, 1, 200, required: false)
            .Text("guide", request.Guide, 0, 20000, required: false)
            .Check(request.PassOverlap is null || IsPassOverlap(request.PassOverlap.Value), "passOverlap", PassOverlapRule);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (template, content) = await LoadAsync(services, projectId, templateId, owner: true, cancellationToken);
        if (template is null || content is null)
        {
            return Problems.NotFound($"Template '{templateId}' was not found.");
        }

        if (!Versions.IfMatchAllows(http.Request, template.Version))
        {
            return Problems.PreconditionFailed();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var next = template with
        {
            Name = request.Name ?? template.Name,
            Guide = request.Guide ?? template.Guide,
            PassOverlap = request.PassOverlap ?? template.PassOverlap,
            Enabled = request.Enabled ?? template.Enabled,
        };
        var action = request.Enabled is { } enabled && enabled != template.Enabled ? (enabled ? "template.enabled" : "template.disabled") : "template.updated";
        if (request.Start is not null || request.Gold is not null)
        {
            var ontology = await services.Ontologies.GetCurrentOntologyAsync(projectId, cancellationToken);
            if (ontology is null)
            {
                return Problems.Conflict("no_ontology", "The project has no ontology.");
            }

            var start = request.Start is null ? content.Start : TrainingAnswers.Read(request.Start, "start", ontology, projectId, template.Extent, AnnotationSource.Prelabel, errors);
            var gold = request.Gold is null ? content.Gold : TrainingAnswers.Read(request.Gold, "gold", ontology, projectId, template.Extent, AnnotationSource.Gold, errors);
            if (errors.Any)
            {
                return errors.ToProblem();
            }

            var number = checked(template.CurrentVersion + 1);
            content = await StoreContentAsync(services, projectId, templateId, number, template.AssetId, ontology, start, gold, cancellationToken);
            next = next with { CurrentVersion = number, Versions = [.. template.Versions, VersionInfo(content, caller.UserId, now)] };
            action = "template.version_added";
        }

        var saved = await services.Training.SaveTemplateAsync(next, template, new ChangeContext(caller.UserId, now, projectId), action, cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        Versions.SetETag(http.Response, saved.Value.Version);
        return TypedResults.Ok(TemplateOwnerView.From(saved.Value, content));
    }

    /// <summary>
    /// "Calculate score" on the template's current version: the answer is scored against gold and the result kept in the
    /// caller's practice history. Unlimited; feedback has reasons and overlaps rounded to 0.05.
    /// </summary>
    public static async Task<Results<Ok<PracticeResultView>, ValidationProblem, ProblemHttpResult>> PracticeAsync(
        string projectId, string templateId, PracticeRequest request, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var owner = http.ProjectAccess().Has(ProjectRole.Owner);
        var (template, content) = await LoadAsync(services, projectId, templateId, owner, cancellationToken);
        if (template is null || content is null)
        {
            return Problems.NotFound($"Template '{templateId}' was not found.");
        }

        var errors = new FieldErrors();
        var answer = TrainingAnswers.Read(request.Answer, "answer", TrainingAnswers.OntologyOf(content), projectId, template.Extent, AnnotationSource.Human, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var result = TrainingAnswers.Score(content, answer, template.Extent, template.PassOverlap);
        var practiceId = Guid.NewGuid().ToString("N");
        var practice = new PracticeDocument
        {
            Id = PracticeDocument.IdFor(practiceId),
            Pk = caller.UserId,
            PracticeId = practiceId,
            UserId = caller.UserId,
            ProjectId = projectId,
            TemplateId = templateId,
            TemplateVersion = template.CurrentVersion,
            At = now,
            Score = result.Score,
            AnswerCount = answer.Count,
            Feedback = TrainingFeedback.ForPractice(result),
        };
        var saved = await services.Trainees.CreatePracticeAsync(practice, new ChangeContext(caller.UserId, now, projectId), cancellationToken);
        return TypedResults.Ok(PracticeResultView.From(saved.Value));
    }

    /// <summary>The caller's own practice history of the template.</summary>
    public static async Task<Ok<ListPage<PracticeResultView>>> PracticeHistoryAsync(
        string projectId, string templateId, int? limit, string? continuationToken, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var page = await services.Trainees.ListPracticeAsync(http.Caller().UserId, projectId, templateId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<PracticeResultView>(page.Items.OrderBy(p => p.At).Select(PracticeResultView.From).ToList(), page.ContinuationToken));
    }

    private const string PassOverlapRule = "must lie in [0.4, 1] (at least the match threshold)";

    private static bool IsPassOverlap(double value) => value >= Domain.Scoring.ScoringOptions.Default.MatchThreshold && value <= 1;

    /// <summary>The template and its current content; null for a disabled template unless <paramref name="owner"/>.</summary>
    private static async Task<(TemplateDocument? Template, TemplateContentDocument? Content)> LoadAsync(
        TrainingServices services, string projectId, string templateId, bool owner, CancellationToken cancellationToken)
    {
        var template = Ids.IsResourceId(templateId) ? await services.Training.GetTemplateAsync(projectId, templateId, cancellationToken) : null;
        if (template is null || (!template.Enabled && !owner) || template.VersionInfo(template.CurrentVersion) is not { } current)
        {
            return (null, null);
        }

        return (template, await services.Training.GetContentAsync(template.AssetId, current.ContentId, cancellationToken));
    }

    private static async Task<TemplateContentDocument> StoreContentAsync(
        TrainingServices services, string projectId, string templateId, int number, string assetId, Ontology ontology,
        IReadOnlyList<Annotation> start, IReadOnlyList<Annotation> gold, CancellationToken cancellationToken)
    {
        // Template labels refer to schema ids like any label: recorded first, so the class-in-use check sees them.
        var used = start.Concat(gold).SelectMany(SchemaIdWalk.Of).ToHashSet(StringComparer.Ordinal);
        await services.Ontologies.RecordUsageAsync(projectId, used, cancellationToken);
        return await services.Training.CreateContentAsync(
            new TemplateContentDocument
            {
                Id = TemplateContentDocument.IdFor(projectId, templateId, number),
                Pk = assetId,
                ProjectId = projectId,
                TemplateId = templateId,
                Number = number,
                OntologyVersion = ontology.Version,
                Ontology = OntologySnapshot.ToDraft(ontology),
                Start = start,
                Gold = gold,
            },
            cancellationToken);
    }

    private static TemplateVersionInfo VersionInfo(TemplateContentDocument content, string by, DateTimeOffset at) =>
        new(content.Number, content.Id, content.OntologyVersion, content.Start.Count, content.Gold.Count, by, at);
}

/// <summary>Scoring's defaults as templates use them.</summary>
internal static class ScoringDefaults
{
    public static double PassOverlap => Domain.Scoring.ScoringOptions.Default.PassOverlap;
}

/// <summary>Where a new template's asset, start and gold come from.</summary>
internal sealed record TemplateSource(string AssetId, AssetExtent Extent, IReadOnlyList<Annotation> Start, IReadOnlyList<Annotation> Gold, TemplateOrigin Origin);
