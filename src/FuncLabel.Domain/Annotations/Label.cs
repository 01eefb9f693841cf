using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Annotations;

/// <summary>
/// One author's annotations for one version of one asset, pinned to the ontology version they were made against.
/// </summary>
/// <param name="Author">User id of the person (or <c>model:{importId}</c>, <c>consensus</c>, … for non-human authors).</param>
/// <param name="AssetId">The asset's id.</param>
/// <param name="AssetVersion">The asset version's SHA-256 (lower-case hex), so a re-upload never inherits a label.</param>
/// <param name="OntologyVersion">The <see cref="Ontologies.Ontology.Version"/> the schema ids refer to.</param>
/// <param name="Annotations">The instances, in the author's order; uuids are unique within a label.</param>
public sealed record Label(string Author, string AssetId, string AssetVersion, int OntologyVersion, ValueList<Annotation> Annotations)
{
    /// <summary>Every schema id the label refers to: classes, nested questions and chosen options, at any depth.
    /// Used with <see cref="Ontologies.OntologyDiff"/> to refuse removing a class in use.</summary>
    public IEnumerable<string> UsedSchemaIds() => Annotations.SelectMany(SchemaIdWalk.Of);
}
