using FuncLabel.Data.Outbox;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Access;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FuncLabel.Functions.Training;

/// <summary>Exams (docs/product.md, capability 8): owners bundle templates with a pass mark, an attempts limit and awarded credential types.</summary>
internal static class ExamsApi
{
    public const int MaxAllowedAttempts = 100;
    public const int MaxTemplates = 100;

    

    public static async Task<Results<Created<ExamView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string projectId, CreateExamRequest request, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(request.Id is null || Ids.IsResourceId(request.Id), "id", "must be 3–63 characters: a-z, 0-9 and '-', starting with a letter or digit")
            .Text("name", request.Name, 1, 200)
            .Text("description", request.Description, 0, 20000, required: false);
        await CheckSettingsAsync(projectId, request.TemplateIds, request.PassMark, request.AllowedAttempts, request.AwardsCredentialTypeIds, required: true, services, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var id = request.Id ?? "e-" + Guid.NewGuid().ToString("N")[..16];
        var exam = new ExamDocument
        {
            Id = ExamDocument.IdFor(id),
            Pk = projectId,
            ProjectId = projectId,
            ExamId = id,
            Name = request.Name!,
            Description = request.Description ?? "",
            TemplateIds = request.TemplateIds!,
            PassMark = request.PassMark!.Value,
            AllowedAttempts = request.AllowedAttempts!.Value,
            AwardsCredentialTypeIds = request.AwardsCredentialTypeIds ?? [],
            Enabled = request.Enabled ?? true,
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        var saved = await services.Training.SaveExamAsync(exam, null, new ChangeContext(caller.UserId, now, projectId), "exam.created", cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.Conflict("exam_exists", $"Exam '{id}' already exists.");
        }

        Versions.SetETag(http.Response, saved.Value.Version);
        return TypedResults.Created($"/api/projects/{projectId}/exams/{id}", ExamView.From(saved.Value));
    }

    /// <summary>Owners see every exam; other members the enabled ones.</summary>
    public static async Task<Ok<ListPage<ExamView>>> ListAsync(
        string projectId, int? limit, string? continuationToken, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var owner = http.ProjectAccess().Has(ProjectRole.Owner);
        var page = await services.Training.ListExamsAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<ExamView>(page.Items.Where(e => owner || e.Enabled).Select(ExamView.From).ToList(), page.ContinuationToken));
    }

    public static async Task<Results<Ok<ExamView>, ProblemHttpResult>> GetAsync(
        string projectId, string examId, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var exam = Ids.IsResourceId(examId) ? await services.Training.GetExamAsync(projectId, examId, cancellationToken) : null;
        if (exam is null || (!exam.Enabled && !http.ProjectAccess().Has(ProjectRole.Owner)))
        {
            return Problems.NotFound($"Exam '{examId}' was not found.");
        }

        Versions.SetETag(http.Response, exam.Version);
        return TypedResults.Ok(ExamView.From(exam));
    }

    /// <summary>Changes settings; attempts already started keep the pass mark, awards and template versions they started with.</summary>
    public static async Task<Results<Ok<ExamView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string projectId, string examId, UpdateExamRequest request, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Text("name", request.Name, 1, 200, required: false)
            .Text("description", request.Description, 0, 20000, required: false);
        await CheckSettingsAsync(projectId, request.TemplateIds, request.PassMark, request.AllowedAttempts, request.AwardsCredentialTypeIds, required: false, services, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var exam = Ids.IsResourceId(examId) ? await services.Training.GetExamAsync(projectId, examId, cancellationToken) : null;
        if (exam is null)
        {
            return Problems.NotFound($"Exam '{examId}' was not found.");
        }

        if (!Versions.IfMatchAllows(http.Request, exam.Version))
        {
            return Problems.PreconditionFailed();
        }

        var next = exam with
        {
            Name = request.Name ?? exam.Name,
            Description = request.Description ?? exam.Description,
            TemplateIds = request.TemplateIds ?? exam.TemplateIds,
            PassMark = request.PassMark ?? exam.PassMark,
            AllowedAttempts = request.AllowedAttempts ?? exam.AllowedAttempts,
            AwardsCredentialTypeIds = request.AwardsCredentialTypeIds ?? exam.AwardsCredentialTypeIds,
            Enabled = request.Enabled ?? exam.Enabled,
        };
        var caller = http.Caller();
        var saved = await services.Training.SaveExamAsync(next, exam, new ChangeContext(caller.UserId, services.Time.GetUtcNow(), projectId), "exam.updated", cancellationToken);
        if (!saved.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        Versions.SetETag(http.Response, saved.Value.Version);
        return TypedResults.Ok(ExamView.From(saved.Value));
    }

    private static async Task CheckSettingsAsync(
        string projectId, IReadOnlyList<string>? templateIds, double? passMark, int? allowedAttempts, IReadOnlyList<string>? awards, bool required,
        TrainingServices services, FieldErrors errors, CancellationToken cancellationToken)
    {
        errors.Check(passMark is null ? !required : passMark is >= 0 and <= 100, "passMark", "is required: 0–100, compared with the mean item score")
            .Check(allowedAttempts is null ? !required : allowedAttempts is >= 1 and <= MaxAllowedAttempts, "allowedAttempts", $"is required: 1–{MaxAllowedAttempts}");
        if (templateIds is null)
        {
            errors.Check(!required, "templateIds", "is required: the templates, in order");
        }
        else if (templateIds.Count is 0 or > MaxTemplates || templateIds.Distinct(StringComparer.Ordinal).Count() != templateIds.Count)
        {
            errors.Add("templateIds", $"must list 1–{MaxTemplates} distinct templates");
        }
        else
        {
            for (var i = 0; i < templateIds.Count; i++)
            {
                if (!Ids.IsResourceId(templateIds[i]) || await services.Training.GetTemplateAsync(projectId, templateIds[i], cancellationToken) is null)
                {
                    errors.Add($"templateIds[{i}]", $"template '{templateIds[i]}' does not exist in this project");
                }
            }
        }

        for (var i = 0; i < (awards?.Count ?? 0); i++)
        {
            if (!Ids.IsResourceId(awards![i]) || await services.Credentials.GetTypeAsync(awards[i], cancellationToken) is null)
            {
                errors.Add($"awardsCredentialTypeIds[{i}]", $"credential type '{awards[i]}' does not exist");
            }
        }
    }
}
