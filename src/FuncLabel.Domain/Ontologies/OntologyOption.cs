using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Ontologies;

/// <summary>
/// One option of a radio or checklist question. Choosing it may open further questions
/// (<see cref="Classifications"/>), to any depth.
/// </summary>
/// <param name="SchemaId">Immutable id; survives renames (see <see cref="SchemaIds"/>).</param>
/// <param name="Name">The option's value as written in NDJSON (<c>answer.name</c>); unique among its siblings.</param>
/// <param name="Classifications">Questions asked when this option is chosen; each has a classification tool.</param>
public sealed record OntologyOption(string SchemaId, string Name, ValueList<OntologyClass> Classifications);
