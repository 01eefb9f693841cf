namespace FuncLabel.Domain.Ontologies;

/// <summary>Why a submitted ontology was refused.</summary>
public enum OntologyErrorKind
{
    /// <summary>A name is empty or only whitespace.</summary>
    EmptyName,

    /// <summary>Two siblings share a name.</summary>
    DuplicateName,

    /// <summary>Two entries anywhere in the ontology share a schema id.</summary>
    DuplicateSchemaId,

    /// <summary>A radio or checklist without options, or options on another tool.</summary>
    OptionsMismatch,

    /// <summary>A nested question with an object tool, or nested questions on a classification tool.</summary>
    NestedToolNotAllowed,

    /// <summary>Thresholds outside [0, 1] or dropBelow above autoAcceptAt.</summary>
    InvalidThresholds,

    /// <summary>Thresholds on a nested question (only top-level classes are routed).</summary>
    ThresholdsOnNested,
}

/// <summary>One reason an ontology was refused, with a JSON-pointer-like path such as <c>classes[2].options[0].name</c>.</summary>
public sealed record OntologyError(OntologyErrorKind Kind, string Path, string Message);
