using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Reports;

/// <summary>What a drawer did with the pre-labels offered as the start of a task.</summary>
public sealed record PrelabelEdits(int Offered, int Unchanged, int Edited)
{
    /// <summary>Offered pre-labels missing from the submission.</summary>
    public int Deleted => Offered - Unchanged - Edited;

    /// <summary>
    /// Compares the offered pre-labels with the submitted annotations by uuid (the identity a pre-label keeps while a
    /// person edits it). A pre-label is unchanged when the submission has an annotation with its uuid equal in class,
    /// geometry, answer and attributes; its source and confidence are ignored, since a person's submit turns model
    /// output into human work without changing it. Same uuid but any other difference is an edit; no such uuid is a
    /// deletion.
    /// </summary>
    public static PrelabelEdits Of(IReadOnlyCollection<Annotation> offered, IEnumerable<Annotation> submitted)
    {
        ArgumentNullException.ThrowIfNull(offered);
        ArgumentNullException.ThrowIfNull(submitted);
        var byUuid = new Dictionary<Guid, Annotation>();
        foreach (var annotation in submitted)
        {
            byUuid.TryAdd(annotation.Uuid, annotation);
        }

        int unchanged = 0, edited = 0;
        foreach (var prelabel in offered)
        {
            if (byUuid.TryGetValue(prelabel.Uuid, out var kept))
            {
                if (Comparable(kept) == Comparable(prelabel))
                {
                    unchanged++;
                }
                else
                {
                    edited++;
                }
            }
        }

        return new PrelabelEdits(offered.Count, unchanged, edited);
    }

    private static Annotation Comparable(Annotation annotation) => annotation with { Source = AnnotationSource.Human, Confidence = null };
}
