using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Catalog;

/// <summary>
/// A project's line in the organisation catalog (container <c>catalog</c>, pk <c>projects</c>, id = project id),
/// kept in step with the project document through its outbox. Lets admins and timers list every project
/// with one single-partition query.
/// </summary>
internal sealed record ProjectEntry : IndexDocument
{
    public const string PartitionKey = "projects";

    public override string DocType => "project-entry";

    public required string ProjectId { get; init; }

    public required string Name { get; init; }

    public DateTimeOffset? ArchivedAt { get; init; }
}
