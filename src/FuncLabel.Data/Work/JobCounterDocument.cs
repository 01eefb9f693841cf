using FuncLabel.Data.Cosmos;

namespace FuncLabel.Data.Work;

/// <summary>
/// The job's submission counter: container <c>work</c>, pk <c>{projectId}:{jobId}</c>, id <c>counter</c>. The fan-out numbers
/// first submissions 1, 2, 3, … here in the order it applies them (exact every-k-th review). A redelivered message
/// finds its number in <see cref="Recent"/> instead of taking a new one.
/// </summary>
/// <remarks>
/// <see cref="Recent"/> keeps the last <see cref="RecentKept"/> numbered message ids. A message is forgotten only after
/// that many later submissions were numbered; the work item also records the number it applied, so a duplicate is
/// numbered twice only if its first delivery died between this write and the item's and the redelivery comes after
/// 5,000 other submissions — queue redelivery comes within minutes.
/// </remarks>
internal sealed record JobCounterDocument : CosmosDocument
{
    public const string DocumentId = "counter";
    public const int RecentKept = 5000;

    public override string DocType => "job-counter";

    public long Submissions { get; init; }

    public IReadOnlyList<NumberedMessage> Recent { get; init; } = [];
}

internal sealed record NumberedMessage(string MessageId, long Sequence);
