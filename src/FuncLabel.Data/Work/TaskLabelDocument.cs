using FuncLabel.Data.Cosmos;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Work;

namespace FuncLabel.Data.Work;

/// <summary>What a task label is.</summary>
internal enum TaskLabelKind
{
    /// <summary>A drawer's saved draft (overwritten by each save).</summary>
    Draft,

    /// <summary>A drawer's submission of a pass attempt.</summary>
    Pass,

    /// <summary>A reviewer's verdict, with comments and, for approve-with-edits, the edited label.</summary>
    Review,

    /// <summary>The merged label of an asset's passes.</summary>
    Consensus,
}

/// <summary>A comment on one instance of the reviewed label (or on the whole label when <see cref="Uuid"/> is null).</summary>
internal sealed record InstanceComment(Guid? Uuid, string Text);

/// <summary>Where a consensus instance came from: the passes that agreed and their instances' uuids.</summary>
internal sealed record InstanceProvenance(Guid Uuid, IReadOnlyList<int> Passes, IReadOnlyList<Guid> SourceUuids, double MeanSimilarity);

/// <summary>
/// A label made in a job: container <c>labels</c>, pk <c>{assetId}</c>. Ids are deterministic per job, pass and
/// attempt (and the work item version the write was based on), so nothing made by one job is mistaken for another's.
/// Not a state document: the work item that points at it carries the state and the ledger events.
/// </summary>
internal sealed record TaskLabelDocument : CosmosDocument
{
    public override string DocType => "task-label";

    public required string ProjectId { get; init; }

    public required string JobId { get; init; }

    public required TaskLabelKind Kind { get; init; }

    public int Pass { get; init; }

    public int Attempt { get; init; }

    public required string Author { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The label (pass, draft, consensus, or the reviewer's edit); null for a review without edits.</summary>
    public Label? Label { get; init; }

    public ReviewOutcome? Outcome { get; init; }

    public IReadOnlyList<InstanceComment> Comments { get; init; } = [];

    public IReadOnlyList<InstanceProvenance> Provenance { get; init; } = [];

    /// <summary>Consensus: mean pairwise agreement of the passes (0–100).</summary>
    public double? Agreement { get; init; }

    public static string DraftId(string jobId, int pass) => $"draft:{jobId}:{pass}";

    public static string PassId(string jobId, int pass, int attempt, long itemVersion) => $"pass:{jobId}:{pass}:{attempt}:v{itemVersion}";

    public static string ReviewId(string jobId, int pass, int attempt, long itemVersion) => $"review:{jobId}:{pass}:{attempt}:v{itemVersion}";

    public static string ConsensusId(string jobId) => $"consensus:{jobId}";
}
