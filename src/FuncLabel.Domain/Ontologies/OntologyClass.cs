using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// A class (object tool) or a question (classification tool) of an ontology. The same type is used at every
/// depth: a top-level class, a question nested under an object, and a question nested under an option.
/// </summary>
/// <param name="SchemaId">Immutable id, never reused. Generated when absent (see <see cref="SchemaIds"/>).</param>
/// <param name="Name">Human name and the NDJSON <c>name</c>; unique among its siblings.</param>
/// <param name="Tool">How instances are drawn or answered.</param>
/// <param name="Classifications">For object tools: questions asked about each instance. Empty for classification tools
/// (their nested questions hang off <see cref="OntologyOption.Classifications"/>).</param>
/// <param name="Options">For radio and checklist: the options. Empty otherwise.</param>
/// <param name="Thresholds">Per-class confidence routing; null = the ontology's <see cref="Ontology.DefaultThresholds"/>.
/// Only meaningful on top-level classes (nested questions are routed with their parent instance).</param>
public sealed record OntologyClass(
    string SchemaId,
    string Name,
    Tool Tool,
    ValueList<OntologyClass> Classifications,
    ValueList<OntologyOption> Options,
    ConfidenceThresholds? Thresholds = null)
{
    /// <summary>The option with this schema id or, failing that, this name; null when none matches.</summary>
    public OntologyOption? FindOption(string? schemaId, string? name)
    {
        foreach (var option in Options)
        {
            if (schemaId is not null ? option.SchemaId == schemaId : option.Name == name)
            {
                return option;
            }
        }

        return null;
    }

    /// <summary>The nested question with this schema id or, failing that, this name; null when none matches.</summary>
    public static OntologyClass? Find(ValueList<OntologyClass> candidates, string? schemaId, string? name)
    {
        foreach (var candidate in candidates)
        {
            if (schemaId is not null ? candidate.SchemaId == schemaId : candidate.Name == name)
            {
                return candidate;
            }
        }

        return null;
    }
}
