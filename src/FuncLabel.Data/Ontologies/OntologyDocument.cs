using FuncLabel.Data.Outbox;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Data.Ontologies;

/// <summary>
/// The project's current ontology: container <c>projects</c>, id <c>ontology</c>. Its <see cref="VersionedDocument.Version"/>
/// is the ontology version (a PUT that changes nothing writes nothing). Every version is also kept, immutable, as an
/// <see cref="OntologyVersionDocument"/> written through the outbox of the same write.
/// </summary>
internal sealed record OntologyDocument : VersionedDocument
{
    public const string DocumentId = "ontology";

    public override string DocType => "ontology";

    public required string ProjectId { get; init; }

    /// <summary>The ontology with every schema id filled in (see <see cref="OntologySnapshot"/>).</summary>
    public required OntologyDraft Ontology { get; init; }

    public required string ChangedBy { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public static string Resource(string projectId) => $"ontology:{projectId}";
}

/// <summary>One immutable ontology version: id <c>ontology:{version}</c> (labels pin versions).</summary>
internal sealed record OntologyVersionDocument : IndexDocument
{
    public override string DocType => "ontology-version";

    public required OntologyDraft Ontology { get; init; }

    public required string ChangedBy { get; init; }

    public required DateTimeOffset ChangedAt { get; init; }

    public static string IdFor(long version) => "ontology:" + version.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Every schema id any stored label or pending line of the project refers to: container <c>projects</c>, id
/// <c>schema-usage</c>. Add-only (a deleted label does not free its ids: conservative for the "class in use" check).
/// Writers of labels call <see cref="OntologyStore.RecordUsageAsync"/> before writing them.
/// </summary>
internal sealed record SchemaUsageDocument : Cosmos.CosmosDocument
{
    public const string DocumentId = "schema-usage";

    public override string DocType => "schema-usage";

    public IReadOnlyList<string> SchemaIds { get; init; } = [];
}
