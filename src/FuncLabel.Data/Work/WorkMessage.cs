using System.Text.Json;
using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Serialization;

namespace FuncLabel.Data.Work;

/// <summary>What a work message asks for.</summary>
internal enum WorkMessageKind
{
    /// <summary><c>task-events</c>: a pass attempt was submitted; count it (first attempts) and decide review.</summary>
    Submitted,

    /// <summary><c>task-events</c>: a pass became final by review; run consensus if it was the last.</summary>
    PassFinal,

    /// <summary><c>job-launch</c>: create the work items of one page of the project's assets, then send the next page.</summary>
    LaunchPage,

    /// <summary><c>job-launch</c>: build an export of the job's labels.</summary>
    Export,
}

/// <summary>
/// The body of a <c>task-events</c> or <c>job-launch</c> message. <see cref="Id"/> is deterministic (derived from the
/// document version that owes it), so a redelivered or re-sent message is recognised as already applied.
/// </summary>
internal sealed record WorkMessage(
    string Id,
    WorkMessageKind Kind,
    string ProjectId,
    string JobId,
    string? AssetId = null,
    int Pass = 0,
    int Attempt = 0,
    int Launch = 0,
    string? ContinuationToken = null,
    int Page = 0,
    string? ExportId = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, FuncLabelJson.Options);

    public static WorkMessage? Parse(byte[] body) => JsonSerializer.Deserialize<WorkMessage>(body, FuncLabelJson.Options);

    /// <summary>The outbox entry that sends this message to <paramref name="queue"/> after the write recording it.</summary>
    public QueueOutboxEntry ToOutbox(string queue, DateTimeOffset at) => new() { Id = OutboxId(Id), CreatedAt = at, Queue = queue, Body = ToJson() };

    /// <summary>The id of the outbox entry that sends the message <paramref name="messageId"/>.</summary>
    public static string OutboxId(string messageId) => "queue:" + messageId;
}
