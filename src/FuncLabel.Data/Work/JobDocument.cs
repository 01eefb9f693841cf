using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Work;

namespace FuncLabel.Data.Work;

/// <summary>A job's lifecycle: created as a draft, launched (work created), paused (no claims), completed (exported).</summary>
internal enum JobState
{
    Draft,
    Active,
    Paused,
    Completed,
}

/// <summary>A job: container <c>projects</c>, pk <c>{projectId}</c>, id <c>job:{jobId}</c>.</summary>
internal sealed record JobDocument : VersionedDocument
{
    public override string DocType => "job";

    public required string ProjectId { get; init; }

    public required string JobId { get; init; }

    public required string Name { get; init; }

    /// <summary>Markdown shown with draw tasks.</summary>
    public string DrawGuide { get; init; } = "";

    /// <summary>Markdown shown with review tasks.</summary>
    public string ReviewGuide { get; init; } = "";

    public int PassesPerFile { get; init; } = 1;

    public int ReviewFrequency { get; init; }

    public int ClaimTimeoutMinutes { get; init; } = 30;

    public bool SkipAutoAccepted { get; init; } = true;

    /// <summary>Credential type ids a claimer must validly hold, every one, at the claim's instant (empty = anyone in the project).</summary>
    public IReadOnlyList<string> RequiredCredentials { get; init; } = [];

    public JobState State { get; init; }

    /// <summary>Incremented by every launch; launch messages carry it so pages of an old launch are recognisable.</summary>
    public int Launches { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public JobSettings Settings => new(PassesPerFile, ReviewFrequency, TimeSpan.FromMinutes(ClaimTimeoutMinutes), SkipAutoAccepted);

    public static string IdFor(string jobId) => "job:" + jobId;

    public static string Resource(string projectId, string jobId) => $"job:{projectId}:{jobId}";
}
