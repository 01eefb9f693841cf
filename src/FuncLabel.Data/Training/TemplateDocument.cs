using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Data.Training;

/// <summary>How a template came to be (serialised lower snake_case).</summary>
internal enum TemplateOriginKind
{
    /// <summary>From a submitted task: start = the task's pre-labels, gold = the submitted answer.</summary>
    Task,

    /// <summary>Created by an owner with an asset id, a start and a gold answer.</summary>
    Direct,

    /// <summary>From an asset's consensus in a job: start = the pre-labels, gold = the merged label.</summary>
    Consensus,
}

/// <summary>Where a template's first version came from: the job, task (pass) and asset for templates made from work.</summary>
internal sealed record TemplateOrigin(TemplateOriginKind Kind, string? JobId = null, string? TaskId = null, string? AssetId = null);

/// <summary>One content version of a template: which content document holds its start and gold.</summary>
/// <param name="Number">1, 2, …: editing the start or the gold makes the next number; attempts pin it.</param>
/// <param name="ContentId">The <see cref="TemplateContentDocument"/> id in the <c>labels</c> partition of the asset.</param>
internal sealed record TemplateVersionInfo(int Number, string ContentId, int OntologyVersion, int StartCount, int GoldCount, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>
/// A training template: container <c>projects</c>, pk <c>{projectId}</c>, id <c>template:{templateId}</c>. Holds the
/// metadata trainees may see (name, guide, asset, pass overlap) and the list of content versions; the start and gold
/// annotations themselves live in <c>labels</c> (<see cref="TemplateContentDocument"/>), read only by the training
/// handlers, which never put gold in a trainee's view.
/// </summary>
internal sealed record TemplateDocument : VersionedDocument
{
    public override string DocType => "template";

    public required string ProjectId { get; init; }

    public required string TemplateId { get; init; }

    public required string Name { get; init; }

    /// <summary>Markdown shown with the start.</summary>
    public string Guide { get; init; } = "";

    public required string AssetId { get; init; }

    /// <summary>The asset's size for bounds and distance scale (from the asset record, or as given for direct templates).</summary>
    public required AssetExtent Extent { get; init; }

    public bool Enabled { get; init; } = true;

    /// <summary>The overlap at or above which a matched instance earns full credit (scoring's pass overlap).</summary>
    public double PassOverlap { get; init; } = 0.8;

    public required TemplateOrigin Origin { get; init; }

    public required int CurrentVersion { get; init; }

    public required IReadOnlyList<TemplateVersionInfo> Versions { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public TemplateVersionInfo? VersionInfo(int number) => Versions.FirstOrDefault(v => v.Number == number);

    public static string IdFor(string templateId) => $"template:{templateId}";

    public static string Resource(string projectId, string templateId) => $"template:{projectId}:{templateId}";
}
