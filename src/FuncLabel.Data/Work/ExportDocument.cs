using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Work;

internal enum ExportState
{
    Pending,
    Done,
}

/// <summary>What an export contains.</summary>
internal enum ExportContent
{
    /// <summary>One label per asset: the consensus (or the auto-accepted instances).</summary>
    Consensus,

    /// <summary>Every final pass of every asset.</summary>
    AllPasses,
}

/// <summary>
/// An export of a job's labels: container <c>projects</c>, pk <c>{projectId}</c>, id <c>export:{jobId}:{exportId}</c>.
/// Built by a <c>job-launch</c> message into the <c>exports</c> blob container under <c>{projectId}/{jobId}/{exportId}/</c>.
/// </summary>
internal sealed record ExportDocument : VersionedDocument
{
    public override string DocType => "export";

    public required string ProjectId { get; init; }

    public required string JobId { get; init; }

    public required string ExportId { get; init; }

    public required ExportContent Content { get; init; }

    public ExportState State { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Blob names in the <c>exports</c> container, once done.</summary>
    public IReadOnlyList<string> Files { get; init; } = [];

    public int Assets { get; init; }

    public int Annotations { get; init; }

    /// <summary>Instances COCO cannot represent (classifications, points, lines, spans).</summary>
    public int CocoSkipped { get; init; }

    public static string IdFor(string jobId, string exportId) => $"export:{jobId}:{exportId}";

    public static string Resource(string projectId, string jobId, string exportId) => $"export:{projectId}:{jobId}:{exportId}";
}
