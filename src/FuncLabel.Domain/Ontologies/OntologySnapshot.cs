namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// Converts an <see cref="Ontology"/> to the draft form with every schema id filled in, and back, so a version can be
/// stored as plain JSON and restored exactly (same ids, same version number).
/// </summary>
public static class OntologySnapshot
{
    public static OntologyDraft ToDraft(Ontology ontology) =>
        new([.. ontology.Classes.Select(ClassDraft)], ontology.DefaultThresholds.AutoAcceptAt, ontology.DefaultThresholds.DropBelow);

    /// <summary>Rebuilds a stored version; null when the stored draft no longer validates (it was valid when stored).</summary>
    public static Ontology? Restore(OntologyDraft draft, int version)
    {
        var built = OntologyBuilder.Build(draft, previous: null);
        return built.Ontology is { } ontology ? new Ontology(version, ontology.DefaultThresholds, ontology.Classes) : null;
    }

    private static OntologyClassDraft ClassDraft(OntologyClass @class) => new(
        @class.SchemaId,
        @class.Name,
        @class.Tool,
        @class.Classifications.Count == 0 ? null : [.. @class.Classifications.Select(ClassDraft)],
        @class.Options.Count == 0 ? null : [.. @class.Options.Select(o => new OntologyOptionDraft(o.SchemaId, o.Name, o.Classifications.Count == 0 ? null : [.. o.Classifications.Select(ClassDraft)]))],
        @class.Thresholds?.AutoAcceptAt,
        @class.Thresholds?.DropBelow);
}
