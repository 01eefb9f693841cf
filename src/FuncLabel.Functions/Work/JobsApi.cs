using FuncLabel.Data.Credentials;
using FuncLabel.Data.Outbox;
using FuncLabel.Data.Projects;
using FuncLabel.Data.Work;
using FuncLabel.Domain.Access;
using FuncLabel.Domain.Work;
using FuncLabel.Functions.Credentials;
using FuncLabel.Functions.Http;
using FuncLabel.Functions.Security;
using FuncLabel.Functions.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace FuncLabel.Functions.Work;

/// <summary>Jobs (owners): settings, lifecycle draft → active ⇄ paused → completed, progress and exports.</summary>
internal static class JobsApi
{
    

    public static async Task<Results<Created<JobView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        string projectId, JobRequest request, HttpContext http, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        var settings = new JobSettings(request.PassesPerFile ?? 1, request.ReviewFrequency ?? 0, TimeSpan.FromMinutes(request.ClaimTimeoutMinutes ?? 30), request.SkipAutoAccepted ?? true);
        var errors = Validate(request, settings, nameRequired: true);
        await RequiredCredentialsRule.CheckAsync(request.RequiredCredentials, services.Credentials, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        var jobId = request.Id ?? "j-" + Guid.NewGuid().ToString("N")[..16];
        var job = new JobDocument
        {
            Id = JobDocument.IdFor(jobId),
            Pk = projectId,
            ProjectId = projectId,
            JobId = jobId,
            Name = request.Name!,
            DrawGuide = request.DrawGuide ?? "",
            ReviewGuide = request.ReviewGuide ?? "",
            PassesPerFile = settings.PassesPerFile,
            ReviewFrequency = settings.ReviewFrequency,
            ClaimTimeoutMinutes = (int)settings.ClaimTimeout.TotalMinutes,
            SkipAutoAccepted = settings.SkipAutoAccepted,
            RequiredCredentials = request.RequiredCredentials ?? [],
            State = JobState.Draft,
            CreatedBy = caller.UserId,
            CreatedAt = now,
        };
        var created = await services.Jobs.CreateAsync(job, new ChangeContext(caller.UserId, now, projectId), cancellationToken);
        if (!created.Succeeded)
        {
            return Problems.Conflict("job_exists", $"Job '{jobId}' already exists.");
        }

        Versions.SetETag(http.Response, created.Value.Version);
        return TypedResults.Created($"/api/projects/{projectId}/jobs/{jobId}", JobView.From(created.Value));
    }

    public static async Task<Ok<ListPage<JobView>>> ListAsync(
        string projectId, int? limit, string? continuationToken, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        var page = await services.Jobs.ListAsync(projectId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<JobView>([.. page.Items.Select(JobView.From)], page.ContinuationToken));
    }

    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> GetAsync(
        string projectId, string jobId, HttpContext http, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        var job = await services.Jobs.GetAsync(projectId, jobId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"Job '{jobId}' was not found.");
        }

        Versions.SetETag(http.Response, job.Version);
        return TypedResults.Ok(JobView.From(job));
    }

    /// <summary>Changes settings. Passes per file can change only while the job is a draft (work items pin it).</summary>
    public static async Task<Results<Ok<JobView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        string projectId, string jobId, JobRequest request, HttpContext http, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        var job = await services.Jobs.GetAsync(projectId, jobId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"Job '{jobId}' was not found.");
        }

        var settings = new JobSettings(request.PassesPerFile ?? job.PassesPerFile, request.ReviewFrequency ?? job.ReviewFrequency,
            TimeSpan.FromMinutes(request.ClaimTimeoutMinutes ?? job.ClaimTimeoutMinutes), request.SkipAutoAccepted ?? job.SkipAutoAccepted);
        var errors = Validate(request, settings, nameRequired: false);
        await RequiredCredentialsRule.CheckAsync(request.RequiredCredentials, services.Credentials, errors, cancellationToken);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        if (!Versions.IfMatchAllows(http.Request, job.Version))
        {
            return Problems.PreconditionFailed();
        }

        if (job.State != JobState.Draft && settings.PassesPerFile != job.PassesPerFile)
        {
            return Problems.Conflict("job_launched", "Passes per file can change only while the job is a draft.");
        }

        var next = job with
        {
            Name = request.Name ?? job.Name,
            DrawGuide = request.DrawGuide ?? job.DrawGuide,
            ReviewGuide = request.ReviewGuide ?? job.ReviewGuide,
            PassesPerFile = settings.PassesPerFile,
            ReviewFrequency = settings.ReviewFrequency,
            ClaimTimeoutMinutes = (int)settings.ClaimTimeout.TotalMinutes,
            SkipAutoAccepted = settings.SkipAutoAccepted,
            RequiredCredentials = request.RequiredCredentials ?? job.RequiredCredentials,
        };
        var caller = http.Caller();
        var written = await services.Jobs.UpdateAsync(next, new ChangeContext(caller.UserId, services.Time.GetUtcNow(), projectId), "job.updated", null, cancellationToken);
        if (!written.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        Versions.SetETag(http.Response, written.Value.Version);
        return TypedResults.Ok(JobView.From(written.Value));
    }

    /// <summary>
    /// launch: draft or paused → active; every launch pages through the project's assets again (work items are
    /// created idempotently), so relaunching after new bytes picks them up. pause: active → paused (no claims).
    /// complete: active or paused → completed, and a consensus export is requested.
    /// </summary>
    public static async Task<Results<Ok<JobView>, ProblemHttpResult>> TransitionAsync(
        string projectId, string jobId, string transition, HttpContext http, JobServices services, CancellationToken cancellationToken)
    {
        var job = await services.Jobs.GetAsync(projectId, jobId, cancellationToken);
        if (job is null)
        {
            return Problems.NotFound($"Job '{jobId}' was not found.");
        }

        if (!Versions.IfMatchAllows(http.Request, job.Version))
        {
            return Problems.PreconditionFailed();
        }

        var caller = http.Caller();
        var now = services.Time.GetUtcNow();
        (JobState From, JobState To)? allowed = (transition, job.State) switch
        {
            ("launch", JobState.Draft or JobState.Paused or JobState.Active) => (job.State, JobState.Active),
            ("pause", JobState.Active) => (job.State, JobState.Paused),
            ("complete", JobState.Active or JobState.Paused) => (job.State, JobState.Completed),
            _ => null,
        };
        if (allowed is null)
        {
            return Problems.Conflict("invalid_transition", $"A {job.State.ToString().ToLowerInvariant()} job cannot {transition}.");
        }

        var next = job with { State = allowed.Value.To, Launches = transition == "launch" ? job.Launches + 1 : job.Launches };
        var messages = new List<QueueOutboxEntry>();
        if (transition == "launch")
        {
            messages.Add(new WorkMessage($"launch:{jobId}:{next.Launches}:0", WorkMessageKind.LaunchPage, projectId, jobId, Launch: next.Launches).ToOutbox(services.Queues.JobLaunch, now));
        }

        var written = await services.Jobs.UpdateAsync(next, new ChangeContext(caller.UserId, now, projectId), "job." + transition + (transition.EndsWith('e') ? "d" : "ed"), messages, cancellationToken);
        if (!written.Succeeded)
        {
            return Problems.PreconditionFailed();
        }

        if (transition == "complete")
        {
            await RequestExportAsync(projectId, jobId, ExportContent.Consensus, "complete-" + written.Value.Version, caller.UserId, services, cancellationToken);
        }

        Versions.SetETag(http.Response, written.Value.Version);
        return TypedResults.Ok(JobView.From(written.Value));
    }

    /// <summary>Counts over the job's work items (one partition, read page by page).</summary>
    public static async Task<Results<Ok<ProgressView>, ProblemHttpResult>> ProgressAsync(
        string projectId, string jobId, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        if (await services.Jobs.GetAsync(projectId, jobId, cancellationToken) is null)
        {
            return Problems.NotFound($"Job '{jobId}' was not found.");
        }

        var now = services.Time.GetUtcNow();
        var passes = Enum.GetValues<PassStage>().ToDictionary(s => ApiNames.Of(s), _ => 0);
        var consensus = Enum.GetValues<ConsensusStage>().ToDictionary(s => ApiNames.Of(s), _ => 0);
        var buckets = new int[10];
        var agreements = new List<double>();
        var skipped = new List<SkippedAssetView>();
        int assets = 0, claimed = 0, stale = 0;
        await foreach (var item in services.Work.AllAsync(projectId, jobId, cancellationToken))
        {
            assets++;
            stale += item.Item.AssetChanged ? 1 : 0;
            foreach (var pass in item.Item.Passes)
            {
                passes[ApiNames.Of(pass.Stage)]++;
                claimed += pass.OfferedKind is not null && pass.Claim is { } c && c.IsHeldAt(now) ? 1 : 0;
            }

            consensus[ApiNames.Of(item.Item.Consensus.Stage)]++;
            if (item.Item.Consensus.Agreement is { } a)
            {
                agreements.Add(a);
                buckets[Math.Clamp((int)(a / 10), 0, 9)]++;
            }

            if (item.Item.Skips.Count > 0)
            {
                skipped.Add(new SkippedAssetView(item.AssetId, [.. item.Item.Skips.Select(s => new SkipView(s.UserId, s.Pass, ApiNames.Of(s.Kind), s.Reason, s.At))]));
            }
        }

        return TypedResults.Ok(new ProgressView(assets, passes, claimed, consensus, buckets, agreements.Count > 0 ? agreements.Average() : null, skipped, stale));
    }

    public static async Task<Results<Accepted<ExportView>, ValidationProblem, ProblemHttpResult>> CreateExportAsync(
        string projectId, string jobId, ExportRequest request, HttpContext http, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        if (request.Content is { } content && !Enum.IsDefined(content))
        {
            return Problems.Field("content", "must be consensus or all_passes");
        }

        if (await services.Jobs.GetAsync(projectId, jobId, cancellationToken) is null)
        {
            return Problems.NotFound($"Job '{jobId}' was not found.");
        }

        var export = await RequestExportAsync(projectId, jobId, request.Content ?? ExportContent.Consensus, "x-" + Guid.NewGuid().ToString("N")[..16], http.Caller().UserId, services, cancellationToken);
        return TypedResults.Accepted($"/api/projects/{projectId}/jobs/{jobId}/exports", ExportView.From(export));
    }

    public static async Task<Ok<ListPage<ExportView>>> ListExportsAsync(
        string projectId, string jobId, int? limit, string? continuationToken, [AsParameters] JobServices services, CancellationToken cancellationToken)
    {
        var page = await services.Exports.ListAsync(projectId, jobId, ListLimits.Clamp(limit), continuationToken, cancellationToken);
        return TypedResults.Ok(new ListPage<ExportView>([.. page.Items.Select(ExportView.From)], page.ContinuationToken));
    }

    private static async Task<ExportDocument> RequestExportAsync(string projectId, string jobId, ExportContent content, string exportId, string userId, JobServices services, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        var export = new ExportDocument
        {
            Id = ExportDocument.IdFor(jobId, exportId),
            Pk = projectId,
            ProjectId = projectId,
            JobId = jobId,
            ExportId = exportId,
            Content = content,
            RequestedBy = userId,
            RequestedAt = now,
        };
        var message = new WorkMessage($"export:{jobId}:{exportId}", WorkMessageKind.Export, projectId, jobId, ExportId: exportId).ToOutbox(services.Queues.JobLaunch, now);
        var created = await services.Exports.CreateAsync(export, new ChangeContext(userId, now, projectId), [message], cancellationToken);
        return created.Document ?? export;
    }

    private static FieldErrors Validate(JobRequest request, JobSettings settings, bool nameRequired)
    {
        var errors = new FieldErrors()
            .Check(request.Id is null || Ids.IsResourceId(request.Id), "id", "must be 3–63 characters: a-z, 0-9 and '-', starting with a letter or digit")
            .Text("name", request.Name, 1, 200, required: nameRequired)
            .Text("drawGuide", request.DrawGuide, 0, 100_000, required: false)
            .Text("reviewGuide", request.ReviewGuide, 0, 100_000, required: false);
        foreach (var (field, reason) in settings.Problems())
        {
            errors.Add(field, reason);
        }

        return errors;
    }
}

/// <summary>The services of <see cref="JobsApi"/>'s handlers.</summary>
internal sealed class JobServices([FromServices] JobStore jobs, [FromServices] WorkStore work, [FromServices] ExportStore exports, [FromServices] WorkQueues queues, [FromServices] TimeProvider time, [FromServices] CredentialStore credentials)
{
    /// <summary>Credential types, to check a job's <c>requiredCredentials</c>.</summary>
    public CredentialStore Credentials { get; } = credentials;

    public JobStore Jobs { get; } = jobs;

    public WorkStore Work { get; } = work;

    public ExportStore Exports { get; } = exports;

    public WorkQueues Queues { get; } = queues;

    public TimeProvider Time { get; } = time;
}
