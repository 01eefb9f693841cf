using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;

namespace FuncLabel.Domain.Annotations;

/// <summary>
/// One annotation instance: either an object (a class with an object tool, carrying <see cref="Geometry"/>) or a
/// global classification (a class with a classification tool, carrying <see cref="Answer"/>) — never both.
/// </summary>
/// <remarks>
/// <see cref="SchemaId"/> is always the resolved ontology schema id (NDJSON lines may name a class by name; the
/// reader resolves it). Object instances may carry answers to their class's questions in
/// <see cref="Classifications"/>; a global classification keeps its nested answers inside its options, so its
/// <see cref="Classifications"/> is empty. <see cref="Confidence"/> is the model's score in [0, 1], null for human work.
/// </remarks>
public sealed record Annotation
{
    /// <summary>An object instance.</summary>
    public Annotation(Guid uuid, string schemaId, AnnotationGeometry geometry, ValueList<Classification> classifications, AnnotationSource source, double? confidence = null)
        : this(uuid, schemaId, geometry, null, classifications, source, confidence)
    {
    }

    /// <summary>A global classification.</summary>
    public Annotation(Guid uuid, string schemaId, ClassificationAnswer answer, AnnotationSource source, double? confidence = null)
        : this(uuid, schemaId, null, answer, ValueList<Classification>.Empty, source, confidence)
    {
    }

    /// <summary>The general form used by serializers; exactly one of <paramref name="geometry"/> and <paramref name="answer"/>.</summary>
    [System.Text.Json.Serialization.JsonConstructor]
    public Annotation(Guid uuid, string schemaId, AnnotationGeometry? geometry, ClassificationAnswer? answer, ValueList<Classification>? classifications, AnnotationSource source, double? confidence)
    {
        if ((geometry is null) == (answer is null))
        {
            throw new ArgumentException("An annotation has exactly one of a geometry and an answer.", nameof(geometry));
        }

        ArgumentException.ThrowIfNullOrEmpty(schemaId);
        if (confidence is { } c && !(c is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), c, "Confidence lies in [0, 1].");
        }

        Uuid = uuid;
        SchemaId = schemaId;
        Geometry = geometry;
        Answer = answer;
        Classifications = classifications ?? ValueList<Classification>.Empty;
        Source = source;
        Confidence = confidence;
    }

    /// <summary>The annotation's identity within a data row; re-importing the same uuid overrides.</summary>
    public Guid Uuid { get; init; }

    /// <summary>The top-level ontology class.</summary>
    public string SchemaId { get; init; }

    /// <summary>The shape, for object classes; null for global classifications.</summary>
    public AnnotationGeometry? Geometry { get; init; }

    /// <summary>The answer, for global classifications; null for objects.</summary>
    public ClassificationAnswer? Answer { get; init; }

    /// <summary>Answers to the object class's questions.</summary>
    public ValueList<Classification> Classifications { get; init; }

    public AnnotationSource Source { get; init; }

    /// <summary>Model confidence in [0, 1]; null when none was given.</summary>
    public double? Confidence { get; init; }

    /// <summary>True for object instances (geometry), false for global classifications.</summary>
    public bool IsObject => Geometry is not null;
}
