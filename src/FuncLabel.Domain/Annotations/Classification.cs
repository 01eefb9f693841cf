namespace FuncLabel.Domain.Annotations;

/// <summary>An answered nested question: the question's schema id and its answer.</summary>
/// <param name="SchemaId">The <see cref="Ontologies.OntologyClass.SchemaId"/> of the (classification-tool) question.</param>
/// <param name="Answer">The answer; its <see cref="ClassificationAnswer.Tool"/> equals the question's tool.</param>
public sealed record Classification(string SchemaId, ClassificationAnswer Answer);
