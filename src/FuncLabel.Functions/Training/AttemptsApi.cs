using System.Globalization;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Credentials;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Training;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Credentials;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Training;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using AnswerResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<FuncLabel.Functions.Training.AttemptAnswerView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace FuncLabel.Functions.Training;

/// <summary>
/// Exam attempts (docs/product.md, Practice vs exam): an attempt pins each template's version; each item keeps its last
/// answer with no feedback; finishing scores every item, decides pass or fail and awards the exam's credentials once.
/// Attempts live in their owner's partition; only the owner answers and finishes; the owner or an admin reads one.
/// </summary>
internal static class AttemptsApi
{
    /// <summary>
    /// Starts the caller's next attempt, or returns their unfinished one (200). Attempt n has a deterministic id, so two
    /// concurrent starts of the same number collide on create and the loser decides again: the limit holds exactly.
    /// </summary>
    public static async Task<Results<Created<AttemptView>, Ok<AttemptView>, ProblemHttpResult>> StartAsync(
        string projectId, string examId, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var exam = Ids.IsResourceId(examId) ? await services.Training.GetExamAsync(projectId, examId, cancellationToken) : null;
        if (exam is null || (!exam.Enabled && !http.ProjectAccess().Has(ProjectRole.Owner)))
        {
            return Problems.NotFound($"Exam '{examId}' was not found.");
        }

        var caller = http.Caller();
        var items = new List<AttemptItem>();
        foreach (var templateId in exam.TemplateIds)
        {
            var template = await services.Training.GetTemplateAsync(projectId, templateId, cancellationToken);
            if (template?.VersionInfo(template.CurrentVersion) is not { } version)
            {
                return Problems.Conflict("exam_incomplete", $"The exam's template '{templateId}' no longer exists; the owner must fix the exam.");
            }

            items.Add(new AttemptItem(templateId, templateId, version.Number, template.AssetId, version.ContentId, template.PassOverlap, template.Extent));
        }

        var (attempt, created) = await ConditionalUpdate.RunAsync(
            $"attempts of {caller.UserId} at exam {projectId}/{examId}",
            ct => services.Trainees.AttemptsAtAsync(caller.UserId, projectId, examId, ct).ToListAsync(ct).AsTask(),
            existing =>
            {
                if (existing.FirstOrDefault(a => !a.IsFinished) is { } open)
                {
                    return UpdateDecision.Done<(AttemptDocument? Attempt, bool Created)>((open, false));
                }

                var number = existing.Count == 0 ? 1 : existing.Max(a => a.Number) + 1;
                if (number > exam.AllowedAttempts)
                {
                    return UpdateDecision.Done<(AttemptDocument? Attempt, bool Created)>((null, false)); // no attempt left
                }

                var now = services.Time.GetUtcNow();
                var attemptId = AttemptIds.For(caller.UserId, projectId, examId, number);
                var next = new AttemptDocument
                {
                    Id = AttemptDocument.IdFor(attemptId),
                    Pk = caller.UserId,
                    AttemptId = attemptId,
                    UserId = caller.UserId,
                    ProjectId = projectId,
                    ExamId = examId,
                    Number = number,
                    PassMark = exam.PassMark,
                    AwardsCredentialTypeIds = exam.AwardsCredentialTypeIds,
                    Items = items,
                    StartedAt = now,
                };
                return UpdateDecision.Write<AttemptDocument, (AttemptDocument? Attempt, bool Created)>(
                    ct => services.Trainees.CreateAttemptAsync(next, new ChangeContext(caller.UserId, now, projectId), ct),
                    stored => (stored, true));
            },
            cancellationToken);
        if (attempt is null)
        {
            return Problems.Conflict("attempts_exhausted", $"All {exam.AllowedAttempts} allowed attempt(s) at exam '{examId}' have been used.");
        }

        if (!created)
        {
            return TypedResults.Ok(await ViewAsync(attempt, services, cancellationToken));
        }

        Versions.SetETag(http.Response, attempt.Version);
        return TypedResults.Created($"/api/attempts/{attempt.AttemptId}", await ViewAsync(attempt, services, cancellationToken));
    }

    public static async Task<Results<Ok<AttemptView>, ProblemHttpResult>> GetAsync(
        string attemptId, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var attempt = await LoadAsync(attemptId, http.Caller(), allowAdmin: true, services, cancellationToken);
        if (attempt is null)
        {
            return Problems.NotFound($"Attempt '{attemptId}' was not found.");
        }

        Versions.SetETag(http.Response, attempt.Version);
        return TypedResults.Ok(await ViewAsync(attempt, services, cancellationToken));
    }

    /// <summary>Records the item's answer (the last one before finishing counts). No score and no feedback until the attempt is finished.</summary>
    public static async Task<Results<Ok<AttemptAnswerView>, ValidationProblem, ProblemHttpResult>> AnswerAsync(
        string attemptId, string itemId, AttemptAnswerRequest request, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        return await ConditionalUpdate.RunAsync(
            $"attempt {attemptId}",
            ct => LoadAsync(attemptId, caller, allowAdmin: false, services, ct),
            async (attempt, ct) =>
            {
                var index = attempt?.Items.ToList().FindIndex(i => i.ItemId == itemId) ?? -1;
                if (attempt is null || index < 0)
                {
                    return UpdateDecision.Done<AnswerResult>(Problems.NotFound($"Item '{itemId}' of attempt '{attemptId}' was not found."));
                }

                if (attempt.IsFinished)
                {
                    return UpdateDecision.Done<AnswerResult>(Problems.Conflict("attempt_finished", "The attempt is finished; answers can no longer change."));
                }

                var item = attempt.Items[index];
                var content = await services.Training.GetContentAsync(item.AssetId, item.ContentId, ct)
                    ?? throw new InvalidOperationException($"Template content {item.ContentId} of attempt {attemptId} is missing.");
                var errors = new FieldErrors();
                var answer = TrainingAnswers.Read(request.Answer, "answer", TrainingAnswers.OntologyOf(content), attempt.ProjectId, item.Extent, AnnotationSource.Human, errors);
                if (errors.Any)
                {
                    return UpdateDecision.Done<AnswerResult>(errors.ToProblem());
                }

                var now = services.Time.GetUtcNow();
                var items = attempt.Items.ToList();
                items[index] = item with { Answer = answer, AnsweredAt = now };
                return UpdateDecision.Write<AttemptDocument, AnswerResult>(
                    ct => services.Trainees.UpdateAttemptAsync(
                        attempt with { Items = items },
                        new ChangeContext(caller.UserId, now, attempt.ProjectId),
                        "attempt.answered",
                        new Dictionary<string, string> { ["itemId"] = itemId },
                        null,
                        ct),
                    written =>
                    {
                        Versions.SetETag(http.Response, written.Version);
                        return TypedResults.Ok(new AttemptAnswerView(attemptId, itemId, answer.Count, now, written.Version));
                    });
            },
            cancellationToken);
    }

    /// <summary>
    /// Finishes the attempt: scores every item (an unanswered item is scored as an empty answer), takes the mean,
    /// passes iff it reaches the pass mark, and on a pass owes one credential grant per awarded type. The finish is one
    /// conditional write that moves <c>finishedAt</c> from null and carries the grants in its outbox (ids derived from
    /// the attempt and the type), so a second or concurrent finish finds the attempt finished and grants nothing more.
    /// </summary>
    public static async Task<Results<Ok<AttemptView>, ProblemHttpResult>> FinishAsync(
        string attemptId, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var caller = http.Caller();
        var stored = await ConditionalUpdate.RunAsync(
            $"attempt {attemptId}",
            ct => LoadAsync(attemptId, caller, allowAdmin: false, services, ct),
            async (attempt, ct) =>
            {
                if (attempt is null || attempt.IsFinished)
                {
                    return UpdateDecision.Done(attempt); // not found, or finished by an earlier or concurrent finish
                }

                var now = services.Time.GetUtcNow();
                var scored = new List<AttemptItem>();
                foreach (var item in attempt.Items)
                {
                    var content = await services.Training.GetContentAsync(item.AssetId, item.ContentId, ct)
                        ?? throw new InvalidOperationException($"Template content {item.ContentId} of attempt {attemptId} is missing.");
                    var result = TrainingAnswers.Score(content, item.Answer ?? [], item.Extent, item.PassOverlap);
                    scored.Add(item with { Score = result.Score, Feedback = TrainingFeedback.ForExam(result) });
                }

                var outcome = ExamOutcome.Of([.. scored.Select(i => i.Score!.Value)], attempt.PassMark);
                var grants = outcome.Passed ? await GrantsAsync(attempt, now, services, ct) : [];
                var finished = attempt with { Items = scored, FinishedAt = now, Score = outcome.Score, Passed = outcome.Passed };
                return UpdateDecision.Write<AttemptDocument, AttemptDocument?>(
                    ct => services.Trainees.UpdateAttemptAsync(
                        finished,
                        new ChangeContext(caller.UserId, now, attempt.ProjectId),
                        "attempt.finished",
                        new Dictionary<string, string>(ReportDetails.Feedback(scored.SelectMany(i => i.Feedback ?? []).Select(f => (f.ClassId, f.Reason))))
                        {
                            ["score"] = outcome.Score.ToString(CultureInfo.InvariantCulture),
                            ["passed"] = outcome.Passed ? "true" : "false",
                            ["granted"] = string.Join(',', grants.Select(g => g.Grant.TypeId)),
                        },
                        grants,
                        ct),
                    written => written); // stale: an answer or another finish got there first; the next read decides
            },
            cancellationToken);
        if (stored is null)
        {
            return Problems.NotFound($"Attempt '{attemptId}' was not found.");
        }

        Versions.SetETag(http.Response, stored.Version);
        return TypedResults.Ok(await ViewAsync(stored, services, cancellationToken));
    }

    /// <summary>The caller's attempts, every project (summaries; open one for its items).</summary>
    public static async Task<Ok<ListPage<AttemptSummary>>> MineAsync(
        int? limit, string? continuationToken, HttpContext http, [AsParameters] TrainingServices services, CancellationToken cancellationToken)
    {
        var page = await services.Trainees.ListAttemptsAsync(http.Caller().UserId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<AttemptSummary>(page.Items.OrderBy(a => a.StartedAt).Select(AttemptSummary.From).ToList(), page.ContinuationToken));
    }

    private static async Task<List<CredentialGrantOutboxEntry>> GrantsAsync(AttemptDocument attempt, DateTimeOffset now, TrainingServices services, CancellationToken cancellationToken)
    {
        var entries = new List<CredentialGrantOutboxEntry>();
        foreach (var typeId in attempt.AwardsCredentialTypeIds.Distinct(StringComparer.Ordinal))
        {
            var type = await services.Credentials.GetTypeAsync(typeId, cancellationToken)
                ?? throw new InvalidOperationException($"Credential type '{typeId}' awarded by exam '{attempt.ExamId}' does not exist (types are never deleted).");
            var grantId = $"attempt:{attempt.AttemptId}:{typeId}";
            entries.Add(new CredentialGrantOutboxEntry
            {
                Id = "grant:" + grantId,
                CreatedAt = now,
                Grant = new CredentialGrant(
                    grantId,
                    attempt.UserId,
                    typeId,
                    now,
                    CredentialValidity.ExpiresAt(now, type.ValidityDays),
                    new CredentialSource(CredentialSourceKind.ExamAttempt, "system", attempt.ProjectId, attempt.ExamId, attempt.AttemptId)),
            });
        }

        return entries;
    }

    /// <summary>The attempt if the caller owns it (or, with <paramref name="allowAdmin"/>, is an admin); null otherwise — others get 404.</summary>
    private static async Task<AttemptDocument?> LoadAsync(string attemptId, Caller caller, bool allowAdmin, TrainingServices services, CancellationToken cancellationToken)
    {
        var owner = AttemptIds.OwnerOf(attemptId);
        if (owner is null || !Ids.IsUserId(owner) || (owner != caller.UserId && !(allowAdmin && caller.IsAdmin)))
        {
            return null;
        }

        return await services.Trainees.GetAttemptAsync(owner, attemptId, cancellationToken);
    }

    private static async Task<AttemptView> ViewAsync(AttemptDocument attempt, TrainingServices services, CancellationToken cancellationToken)
    {
        var items = new List<AttemptItemView>();
        foreach (var item in attempt.Items)
        {
            var template = await services.Training.GetTemplateAsync(attempt.ProjectId, item.TemplateId, cancellationToken);
            var content = await services.Training.GetContentAsync(item.AssetId, item.ContentId, cancellationToken);
            items.Add(new AttemptItemView(
                item.ItemId,
                item.TemplateId,
                item.TemplateVersion,
                template?.Name ?? item.TemplateId,
                template?.Guide ?? "",
                item.AssetId,
                TemplateView.ContentLink(attempt.ProjectId, item.AssetId),
                content is null ? [] : LabelboxJson.Of(item.AssetId, content.Start),
                item.Answer is not null,
                item.AnsweredAt,
                attempt.IsFinished ? item.Score : null,
                attempt.IsFinished ? item.Feedback : null));
        }

        return new AttemptView(
            attempt.AttemptId, attempt.UserId, attempt.ProjectId, attempt.ExamId, attempt.Number, attempt.PassMark, items,
            attempt.StartedAt, attempt.FinishedAt, attempt.Score, attempt.Passed, attempt.AwardsCredentialTypeIds, attempt.Version);
    }
}
