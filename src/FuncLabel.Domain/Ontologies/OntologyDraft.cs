namespace FuncLabel.Domain.Ontologies;

/// <summary>An ontology as an owner submits it (the body of <c>PUT projects/{p}/ontology</c>); ids may be missing.</summary>
/// <param name="Classes">Top-level classes.</param>
/// <param name="AutoAcceptAt">Project default; null = never auto-accept.</param>
/// <param name="DropBelow">Project default; null = 0 (never drop).</param>
public sealed record OntologyDraft(IReadOnlyList<OntologyClassDraft> Classes, double? AutoAcceptAt = null, double? DropBelow = null);

/// <summary>A class or question as submitted; see <see cref="OntologyClass"/> for the meaning of each field.</summary>
/// <param name="AutoAcceptAt">Per-class override; when both this and <paramref name="DropBelow"/> are null the project default applies.</param>
public sealed record OntologyClassDraft(
    string? SchemaId,
    string Name,
    Tool Tool,
    IReadOnlyList<OntologyClassDraft>? Classifications = null,
    IReadOnlyList<OntologyOptionDraft>? Options = null,
    double? AutoAcceptAt = null,
    double? DropBelow = null);

/// <summary>An option as submitted.</summary>
public sealed record OntologyOptionDraft(string? SchemaId, string Name, IReadOnlyList<OntologyClassDraft>? Classifications = null);
