using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Data.Training;

/// <summary>
/// The start and gold of one template version: container <c>labels</c>, pk <c>{assetId}</c>, id
/// <c>template:{projectId}:{templateId}:v{n}:{nonce}</c>. Immutable, created before the template document that refers to
/// it; the nonce makes an orphan left by a lost race or a crash harmless (nothing refers to it). It carries the
/// ontology version it was validated against as a snapshot, so answers to it are validated and scored against exactly
/// that version even after the project's ontology changes. Gold is readable by owners and admins only.
/// </summary>
internal sealed record TemplateContentDocument : Cosmos.CosmosDocument
{
    public override string DocType => "template-content";

    public required string ProjectId { get; init; }

    public required string TemplateId { get; init; }

    public required int Number { get; init; }

    public required int OntologyVersion { get; init; }

    public required OntologyDraft Ontology { get; init; }

    public required IReadOnlyList<Annotation> Start { get; init; }

    public required IReadOnlyList<Annotation> Gold { get; init; }

    public static string IdFor(string projectId, string templateId, int number) =>
        $"template:{projectId}:{templateId}:v{number.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{Guid.NewGuid().ToString("N")[..8]}";
}
