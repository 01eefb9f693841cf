namespace FuncLabel.Domain.Annotations;

/// <summary>Where an annotation came from. Serialized lower snake_case.</summary>
public enum AnnotationSource
{
    /// <summary>Imported from NDJSON as a starting point for a human.</summary>
    Prelabel,

    /// <summary>Imported model output accepted by confidence routing (no human involved).</summary>
    Model,

    /// <summary>Drawn or confirmed by a person in a task.</summary>
    Human,

    /// <summary>Merged from several passes.</summary>
    Consensus,

    /// <summary>A training template's reference answer.</summary>
    Gold,
}
