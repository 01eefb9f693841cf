using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Scoring.Shapes;

/// <summary>An object annotation (one with geometry) and its shape prepared for this scoring run.</summary>
internal sealed record ObjectInstance(Annotation Annotation, PreparedShape Shape)
{
    public static List<ObjectInstance> PrepareAll(IEnumerable<Annotation> annotations, ShapePreparation preparation) =>
        [.. annotations.Where(a => a.Geometry is not null).Select(a => new ObjectInstance(a, preparation.Prepare(a.Geometry!)))];
}
