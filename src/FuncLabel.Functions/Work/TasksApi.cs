using System.Globalization;
using FuncLabel.Data.Assets;
using FuncLabel.Data.Cosmos;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Work;
using FuncLabel.Functions.Credentials;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TaskResult = Microsoft.AspNetCore.Http.HttpResults.Results<
    Microsoft.AspNetCore.Http.HttpResults.Ok<FuncLabel.Functions.Work.TaskView>,
    Microsoft.AspNetCore.Http.HttpResults.ValidationProblem,
    Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>;

namespace FuncLabel.Functions.Work;

/// <summary>
/// Task serving. Every change is one conditional write on the work item (the domain <see cref="WorkItem"/> decides);
/// a task that is not the caller's is 404, whoever else holds it.
/// </summary>
internal static class TasksApi
{
    /// <summary>Queries per window width of a claim whose writes all lost to other claimers.</summary>
    private const int LooksPerWidth = 2;

    /// <summary>
    /// Claims a draw or review task: reads a small page of candidates from a random window of claim orders (so concurrent
    /// claimers read different items), tries the caller's reserved ones first and the rest in random order with one
    /// conditional write each, widens the window while it holds nothing claimable, and answers 204 when even the whole
    /// job holds nothing. Usually one query and one write. Reviews need the reviewer (or owner) role.
    /// </summary>
    public static async Task<Results<Ok<TaskView>, NoContent, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        string projectId, string jobId, ClaimRequest request, HttpContext http, [AsParameters] TaskServices services, Credentials.ClaimGate gate, CancellationToken cancellationToken)
    {
        if (request.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            return Problems.Field("kind", "is required: draw or review");
        }

        if (kind == TaskKind.Review && !http.ProjectAccess().Has(ProjectRole.Reviewer))
        {
            return Problems.Forbidden("Reviewing needs the reviewer or owner role in this project.");
        }

        var job = await services.Jobs.GetAsync(projectId, jobId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"Job '{jobId}' was not found.");
        }

        if (job.State != JobState.Active)
        {
            return Problems.Conflict("job_not_active", $"The job is {ApiNames.Of(job.State)}; only active jobs serve tasks.");
        }

        if (await gate.RefusalAsync(job, http.Caller().UserId, cancellationToken) is { } refused)
        {
            return refused;
        }

        var caller = http.Caller().UserId;
        foreach (var width in RankWindow.Widths)
        {
            // A lost write means someone else took that item: look again at another place of the same width (bounded).
            for (int look = 0; look < LooksPerWidth; look++)
            {
                var now = services.Time.GetUtcNow();
                var page = await services.Work.CandidatesAsync(projectId, jobId, caller, kind, now, RankWindow.At(width, services.Random.NextDouble()), cancellationToken);
                bool contended = false;
                foreach (var candidate in page.Items.OrderBy(c => ReservedFor(c, caller, kind) ? 0 : 1).ThenBy(_ => services.Random.Next()))
                {
                    var step = candidate.Item.Claim(caller, kind, now, job.Settings.ClaimTimeout);
                    if (!step.Succeeded)
                    {
                        continue;
                    }

                    var written = await services.Work.ReplaceAsync(candidate, step.Value, Change(http, services, projectId), "task.claimed", Details(step.Pass, kind), null, cancellationToken, SideEffects.Leave);
                    if (written.Succeeded)
                    {
                        Versions.SetETag(http.Response, written.Value.Version);
                        return TypedResults.Ok(TaskView.From(written.Value, written.Value.Item.Find(step.Pass)!));
                    }

                    contended = true;
                }

                if (!contended)
                {
                    break; // nothing claimable in this window: widen it
                }
            }
        }

        return TypedResults.NoContent();
    }

    /// <summary>True when the item holds a task reserved for the caller (their claim, their rework): served before free slots.</summary>
    private static bool ReservedFor(WorkItemDocument item, string caller, TaskKind kind) =>
        (kind == TaskKind.Draw ? item.DrawFor : item.ReviewFor).Contains(caller, StringComparer.Ordinal);

    public static async Task<Ok<ListPage<TaskView>>> MineAsync(
        string projectId, string jobId, int? limit, string? continuationToken, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        var caller = http.Caller().UserId;
        var page = await services.Work.MineAsync(projectId, jobId, caller, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        var tasks = page.Items.SelectMany(i => i.Item.Passes.Where(p => p.OfferedKind is not null && p.IsClaimedBy(caller)).Select(p => TaskView.From(i, p))).ToList();
        return TypedResults.Ok(new ListPage<TaskView>(tasks, page.ContinuationToken));
    }

    /// <summary>Opens a task the caller holds: the asset's content route, the guide and the starting point (never another pass's work).</summary>
    public static async Task<Results<Ok<OpenedTaskView>, ProblemHttpResult>> OpenAsync(
        string projectId, string jobId, string taskId, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        var (item, slot) = await MineOrNullAsync(projectId, jobId, taskId, http, services, cancellationToken);
        if (item is null || slot is null)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        var job = await services.Jobs.GetAsync(projectId, jobId, cancellationToken);
        var prelabels = await services.Labels.PrelabelsAsync(item.AssetId, cancellationToken);
        var accepted = prelabels.Routed(ConfidenceRoute.Accept);
        IReadOnlyList<Annotation> start;
        IReadOnlyList<InstanceComment> comments = [];
        if (slot.Stage == PassStage.Review)
        {
            start = (await services.Labels.GetAsync(item.AssetId, slot.LabelId!, cancellationToken))?.Label?.Annotations ?? [];
        }
        else if (await services.Labels.GetAsync(item.AssetId, TaskLabelDocument.DraftId(jobId, slot.Pass), cancellationToken) is { Label: { } draft } saved
                 && saved.Author == http.Caller().UserId && saved.Attempt == slot.Attempt)
        {
            start = draft.Annotations;
        }
        else if (slot.Stage == PassStage.Rework)
        {
            start = (await services.Labels.GetAsync(item.AssetId, slot.LabelId!, cancellationToken))?.Label?.Annotations ?? [];
            comments = (await services.Labels.GetAsync(item.AssetId, slot.ReviewLabelId!, cancellationToken))?.Comments ?? [];
        }
        else
        {
            start = prelabels.Routed(ConfidenceRoute.Prelabel);
        }

        string guide = slot.Stage == PassStage.Review ? job?.ReviewGuide ?? "" : job?.DrawGuide ?? "";
        Versions.SetETag(http.Response, item.Version);
        return TypedResults.Ok(new OpenedTaskView(TaskView.From(item, slot), $"/api/projects/{projectId}/assets/{item.AssetId}/content", guide, start, accepted, comments));
    }

    /// <summary>Saves the caller's draft and renews the claim. <c>If-Match</c> (the task's ETag) guards against a stale tab.</summary>
    public static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> DraftAsync(
        string projectId, string jobId, string taskId, LabelRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        if (LabelErrors(request.Annotations) is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        var (item, slot) = await MineOrNullAsync(projectId, jobId, taskId, http, services, cancellationToken);
        if (item is null || slot is null || slot.OfferedKind != TaskKind.Draw)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        if (!Versions.IfMatchAllows(http.Request, item.Version))
        {
            return Problems.PreconditionFailed();
        }

        var job = await services.Jobs.GetAsync(projectId, jobId, cancellationToken);
        var caller = http.Caller().UserId;
        var now = services.Time.GetUtcNow();
        var step = item.Item.Renew(caller, slot.Pass, now, job?.Settings.ClaimTimeout ?? JobSettings.DefaultClaimTimeout);
        if (!step.Succeeded)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        await services.Labels.SaveDraftAsync(NewLabel(TaskLabelDocument.DraftId(jobId, slot.Pass), TaskLabelKind.Draft, item, slot, caller, now, request.Annotations!), cancellationToken);
        var written = await services.Work.ReplaceAsync(item, step.Value, Change(http, services, projectId), "task.draft_saved", Details(slot.Pass, TaskKind.Draw), null, cancellationToken, SideEffects.Leave);
        if (!written.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        Versions.SetETag(http.Response, written.Value.Version);
        return TypedResults.Ok(TaskView.From(written.Value, written.Value.Item.Find(slot.Pass)!));
    }

    /// <summary>
    /// Submits the caller's pass: one read, one label create, one conditional write carrying the <c>task-events</c>
    /// message that counts it. Only the message is sent; the ledger event stays on the item for that message's consumer
    /// to perform (<see cref="Work.TaskFanOut"/>). Late submits are accepted while the slot is still the caller's; 409 <c>asset_changed</c>
    /// when the asset has new bytes or the submit names another version.
    /// </summary>
    public static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        string projectId, string jobId, string taskId, LabelRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        var errors = LabelErrors(request.Annotations).Check(!string.IsNullOrEmpty(request.AssetVersion), "assetVersion", "is required (the version the task was opened on)");
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (item, slot) = await MineOrNullAsync(projectId, jobId, taskId, http, services, cancellationToken);
        if (item is null || slot is null || slot.OfferedKind != TaskKind.Draw)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        var caller = http.Caller().UserId;
        var now = services.Time.GetUtcNow();
        var labelId = TaskLabelDocument.PassId(jobId, slot.Pass, slot.Attempt, item.Version);
        var reportDetails = SubmitReportDetails(slot, now);
        bool labelStored = false;
        return await WriteMineAsync(
            item,
            slot,
            again => again.OfferedKind == TaskKind.Draw && again.Attempt == slot.Attempt,
            current => current.Item.Submit(caller, slot.Pass, labelId, request.AssetVersion!),
            refusal => refusal == WorkRefusal.AssetChanged ? Problems.Conflict("asset_changed", "The asset has new bytes since this work was created; the owners relaunch the job.") : null,
            async (current, step) =>
            {
                if (!labelStored)
                {
                    await services.Labels.CreateAsync(NewLabel(labelId, TaskLabelKind.Pass, current, slot, caller, now, request.Annotations!), cancellationToken);
                    labelStored = true;
                }

                return await services.Work.ReplaceAsync(current, step.Value, Change(http, services, projectId), "task.submitted", reportDetails,
                    version => [new WorkMessage($"submitted:{jobId}:{current.AssetId}:{slot.Pass}:{slot.Attempt}:v{version}", WorkMessageKind.Submitted, projectId, jobId, current.AssetId, slot.Pass, slot.Attempt).ToOutbox(services.Queues.TaskEvents, now)],
                    cancellationToken,
                    SideEffects.SendMessages);
            },
            taskId,
            http,
            services,
            cancellationToken);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> ReleaseAsync(
        string projectId, string jobId, string taskId, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        var (item, slot) = await MineOrNullAsync(projectId, jobId, taskId, http, services, cancellationToken);
        if (item is null || slot is null || item.Item.Release(http.Caller().UserId, slot.Pass) is not { Succeeded: true } step)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        var written = await services.Work.ReplaceAsync(item, step.Value, Change(http, services, projectId), "task.released", Details(slot.Pass, slot.OfferedKind!.Value), null, cancellationToken);
        return written.Succeeded ? TypedResults.NoContent() : Problems.Conflict("concurrent_change", "The task changed meanwhile; open it again.");
    }

    /// <summary>Gives the task back as unlabelable with a reason; the asset is flagged in the job's progress.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SkipAsync(
        string projectId, string jobId, string taskId, SkipRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        if (new FieldErrors().Text("reason", request.Reason, 1, 2000) is { Any: true } errors)
        {
            return errors.ToProblem();
        }

        var (item, slot) = await MineOrNullAsync(projectId, jobId, taskId, http, services, cancellationToken);
        if (item is null || slot is null)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        var step = item.Item.Skip(http.Caller().UserId, slot.Pass, request.Reason!, services.Time.GetUtcNow());
        if (step.Refusal == WorkRefusal.WrongStage)
        {
            return Problems.Conflict("rework_not_skippable", "A rework can only be done by its drawer; release it instead.");
        }

        if (!step.Succeeded)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        var details = Details(slot.Pass, slot.OfferedKind!.Value);
        details["reason"] = request.Reason!;
        var written = await services.Work.ReplaceAsync(item, step.Value, Change(http, services, projectId), "task.skipped", details, null, cancellationToken);
        return written.Succeeded ? TypedResults.NoContent() : Problems.Conflict("concurrent_change", "The task changed meanwhile; open it again.");
    }

    /// <summary>
    /// Reviews a pass the caller holds for review: approve, approve with edits (the edited annotations become the pass's
    /// result) or reject with comments (rework for the same drawer). A pass that becomes final sends a
    /// <c>task-events</c> message so consensus runs when it was the last.
    /// </summary>
    public static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        string projectId, string jobId, string taskId, ReviewRequest request, HttpContext http, [AsParameters] TaskServices services, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors()
            .Check(request.Outcome is { } o && Enum.IsDefined(o), "outcome", "is required: approve, approve_with_edits or reject")
            .Check(request.Outcome != ReviewOutcome.ApproveWithEdits || request.Annotations is not null, "annotations", "are required to approve with edits")
            .Check(request.Outcome != ReviewOutcome.Reject || request.Comments is { Count: > 0 }, "comments", "are required to reject");
        foreach (var (comment, i) in (request.Comments ?? []).Select((c, i) => (c, i)))
        {
            errors.Text($"comments[{i}].text", comment.Text, 1, 4000);
        }

        if (request.Outcome == ReviewOutcome.ApproveWithEdits)
        {
            LabelErrors(request.Annotations, errors);
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var (item, slot) = await MineOrNullAsync(projectId, jobId, taskId, http, services, cancellationToken);
        if (item is null || slot is null || slot.Stage != PassStage.Review)
        {
            return Problems.NotFound($"Task '{taskId}' was not found.");
        }

        var caller = http.Caller().UserId;
        var now = services.Time.GetUtcNow();
        var reviewId = TaskLabelDocument.ReviewId(jobId, slot.Pass, slot.Attempt, item.Version);
        var outcome = request.Outcome!.Value;
        var details = Details(slot.Pass, TaskKind.Review);
        details["outcome"] = ApiNames.Of(outcome);
        details[ReportDetails.Drawer] = slot.Drawer ?? "";
        bool reviewStored = false;
        return await WriteMineAsync(
            item,
            slot,
            again => again.Stage == PassStage.Review && again.Attempt == slot.Attempt,
            current => current.Item.Review(caller, slot.Pass, outcome, reviewId, outcome == ReviewOutcome.ApproveWithEdits ? reviewId : null),
            refusal => refusal == WorkRefusal.OwnWork ? Problems.Conflict("own_work", "Reviewers never review work on an asset they drew.") : null,
            async (current, step) =>
            {
                if (!reviewStored)
                {
                    var review = NewLabel(reviewId, TaskLabelKind.Review, current, slot, caller, now, request.Annotations) with { Outcome = outcome, Comments = request.Comments ?? [] };
                    await services.Labels.CreateAsync(review, cancellationToken);
                    reviewStored = true;
                }

                var final = step.Value.Find(slot.Pass)!.Stage == PassStage.Final;
                return await services.Work.ReplaceAsync(current, step.Value, Change(http, services, projectId), "task.reviewed", details,
                    version => final ? [new WorkMessage($"final:{jobId}:{current.AssetId}:{slot.Pass}:v{version}", WorkMessageKind.PassFinal, projectId, jobId, current.AssetId, slot.Pass, slot.Attempt).ToOutbox(services.Queues.TaskEvents, now)] : [],
                    cancellationToken);
            },
            taskId,
            http,
            services,
            cancellationToken);
    }

    /// <summary>
    /// Applies the caller's change to their task with one conditional write. The item holds every pass of the asset,
    /// so when another pass changed it meanwhile (412) the item is read again and the domain decides anew — the slot
    /// must still be the caller's (<paramref name="stillMine"/>) — within <see cref="ConditionalUpdate.MaxRounds"/> writes;
    /// past them, 409 <c>concurrent_change</c>.
    /// </summary>
    /// <param name="decide">The domain step on the item as read.</param>
    /// <param name="refused">The answer to a refusal that is not "not yours" (404), or null for 404.</param>
    /// <param name="write">Stores the change (and anything it needs first, once) with the item's ETag.</param>
    private static async Task<Results<Ok<TaskView>, ValidationProblem, ProblemHttpResult>> WriteMineAsync(
        WorkItemDocument item,
        PassSlot slot,
        Func<PassSlot, bool> stillMine,
        Func<WorkItemDocument, WorkStep> decide,
        Func<WorkRefusal?, ProblemHttpResult?> refused,
        Func<WorkItemDocument, WorkStep, Task<WriteResult<WorkItemDocument>>> write,
        string taskId,
        HttpContext http,
        TaskServices services,
        CancellationToken cancellationToken)
    {
        try
        {
            return await ConditionalUpdate.RunAsync(
                $"work item {item.ProjectId}/{item.JobId}/{item.AssetId}",
                (Item: (WorkItemDocument?)item, Slot: (PassSlot?)slot),
                ct => MineOrNullAsync(item.ProjectId, item.JobId, taskId, http, services, ct),
                again =>
                {
                    if (again.Item is not { } current || again.Slot is null || !stillMine(again.Slot))
                    {
                        return UpdateDecision.Done<TaskResult>(Problems.NotFound($"Task '{taskId}' was not found."));
                    }

                    var step = decide(current);
                    if (!step.Succeeded)
                    {
                        return UpdateDecision.Done<TaskResult>(refused(step.Refusal) ?? Problems.NotFound($"Task '{taskId}' was not found."));
                    }

                    return UpdateDecision.Write<WorkItemDocument, TaskResult>(
                        _ => write(current, step),
                        written =>
                        {
                            Versions.SetETag(http.Response, written.Version);
                            return TypedResults.Ok(TaskView.From(written, written.Item.Find(slot.Pass)!));
                        });
                },
                cancellationToken);
        }
        catch (ConcurrentChangeException)
        {
            return Problems.Conflict("concurrent_change", "The task changed meanwhile; open it again.");
        }
    }

    private static async Task<(WorkItemDocument? Item, PassSlot? Slot)> MineOrNullAsync(string projectId, string jobId, string taskId, HttpContext http, TaskServices services, CancellationToken cancellationToken)
    {
        if (!TaskIds.TryParse(taskId, out var assetId, out var pass))
        {
            return (null, null);
        }

        var item = await services.Work.GetAsync(projectId, jobId, assetId, cancellationToken);
        var slot = item?.Item.Find(pass);
        return slot is not null && slot.OfferedKind is not null && slot.IsClaimedBy(http.Caller().UserId) ? (item, slot) : (null, null);
    }

    /// <summary>Every annotation's geometry passes the geometry policy and uuids are unique (the domain's rules for stored labels).</summary>
    private static FieldErrors LabelErrors(IReadOnlyList<Annotation>? annotations, FieldErrors? errors = null)
    {
        errors ??= new FieldErrors();
        if (annotations is null)
        {
            return errors.Add("annotations", "is required (an empty list is a valid label)");
        }

        if (annotations.Count > 10_000)
        {
            return errors.Add("annotations", "must hold at most 10,000 instances");
        }

        var seen = new HashSet<Guid>();
        for (int i = 0; i < annotations.Count; i++)
        {
            if (!seen.Add(annotations[i].Uuid))
            {
                errors.Add($"annotations[{i}].uuid", "is used twice in this label");
            }

            if (annotations[i].Geometry is { } geometry && GeometryPolicy.Check(geometry, AssetExtent.Unknown).Problem is { } problem)
            {
                errors.Add($"annotations[{i}].geometry.{problem.Field}", problem.Message);
            }
        }

        return errors;
    }

    private static TaskLabelDocument NewLabel(string id, TaskLabelKind kind, WorkItemDocument item, PassSlot slot, string author, DateTimeOffset at, IReadOnlyList<Annotation>? annotations) => new()
    {
        Id = id,
        Pk = item.AssetId,
        ProjectId = item.ProjectId,
        JobId = item.JobId,
        Kind = kind,
        Pass = slot.Pass,
        Attempt = slot.Attempt,
        Author = author,
        At = at,
        Label = annotations is null ? null : new Label(author, item.AssetId, item.Item.AssetVersion, 0, annotations.Select(a => a with { Source = AnnotationSource.Human }).ToValueList()),
    };

    private static ChangeContext Change(HttpContext http, TaskServices services, string projectId) => new(http.Caller().UserId, services.Time.GetUtcNow(), projectId);

    /// <summary>
    /// The submit's ledger details: with the pass and kind, the seconds from the claim to the submit (quality report).
    /// What became of the pre-labels is looked up by the fan-out when it applies the submission (<see cref="Work.PrelabelUseLookup"/>).
    /// </summary>
    private static Dictionary<string, string> SubmitReportDetails(PassSlot slot, DateTimeOffset now)
    {
        var details = Details(slot.Pass, TaskKind.Draw);
        if (slot.Claim is { } claim)
        {
            details[ReportDetails.SecondsOnTask] = ReportDetails.Number((long)Math.Max(0, (now - claim.ClaimedAt).TotalSeconds));
        }

        return details;
    }

    private static Dictionary<string, string> Details(int pass, TaskKind kind) =>
        new() { ["pass"] = pass.ToString(CultureInfo.InvariantCulture), ["kind"] = ApiNames.Of(kind) };
}

/// <summary>The services of <see cref="TasksApi"/>'s handlers.</summary>
internal sealed class TaskServices([FromServices] JobCache jobs, [FromServices] WorkStore work, [FromServices] TaskLabelStore labels, [FromServices] WorkQueues queues, [FromServices] TimeProvider time, [FromServices] TaskRandom random)
{
    public JobCache Jobs { get; } = jobs;

    public WorkStore Work { get; } = work;

    public TaskLabelStore Labels { get; } = labels;

    public WorkQueues Queues { get; } = queues;

    public TimeProvider Time { get; } = time;

    public TaskRandom Random { get; } = random;
}

/// <summary>The randomness claims spread with: seedable (configuration <c>Work:ClaimSeed</c>) and safe to share between requests.</summary>
internal sealed class TaskRandom(int? seed)
{
    private readonly Random _random = seed is { } s ? new Random(s) : new Random();
    private readonly Lock _gate = new();

    public int Next()
    {
        lock (_gate)
        {
            return _random.Next();
        }
    }

    public double NextDouble()
    {
        lock (_gate)
        {
            return _random.NextDouble();
        }
    }
}
