using FuncLabel.Data.Outbox;

namespace FuncLabel.Data.Projects;

/// <summary>The project itself: container <c>projects</c>, pk <c>{projectId}</c>, id <c>project</c>.</summary>
internal sealed record ProjectDocument : VersionedDocument
{
    public const string DocumentId = "project";

    public override string DocType => "project";

    public required string ProjectId { get; init; }

    public required string Name { get; init; }

    public string Description { get; init; } = "";

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set when archived: the project is read-only and hidden from default lists.</summary>
    public DateTimeOffset? ArchivedAt { get; init; }

    public static string Resource(string projectId) => $"project:{projectId}";
}
