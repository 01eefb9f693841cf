using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Annotations;

/// <summary>A chosen option of a radio or checklist question, with the answers to the questions it opens.</summary>
/// <param name="SchemaId">The <see cref="Ontologies.OntologyOption.SchemaId"/> of the option.</param>
/// <param name="Classifications">Answers to the option's nested questions (any depth).</param>
public sealed record SelectedOption(string SchemaId, ValueList<Classification> Classifications)
{
    public SelectedOption(string schemaId)
        : this(schemaId, ValueList<Classification>.Empty)
    {
    }
}
