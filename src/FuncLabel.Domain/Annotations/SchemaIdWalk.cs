namespace FuncLabel.Domain.Annotations;

/// <summary>Enumerates the schema ids an annotation refers to, depth first.</summary>
public static class SchemaIdWalk
{
    public static IEnumerable<string> Of(Annotation annotation)
    {
        yield return annotation.SchemaId;
        if (annotation.Answer is { } answer)
        {
            foreach (var id in OfAnswer(answer))
            {
                yield return id;
            }
        }

        foreach (var classification in annotation.Classifications)
        {
            foreach (var id in OfClassification(classification))
            {
                yield return id;
            }
        }
    }

    private static IEnumerable<string> OfClassification(Classification classification) =>
        OfAnswer(classification.Answer).Prepend(classification.SchemaId);

    private static IEnumerable<string> OfAnswer(ClassificationAnswer answer) => answer switch
    {
        RadioAnswer radio => OfOption(radio.Option),
        ChecklistAnswer checklist => checklist.Options.SelectMany(OfOption),
        _ => [],
    };

    private static IEnumerable<string> OfOption(SelectedOption option) =>
        option.Classifications.SelectMany(OfClassification).Prepend(option.SchemaId);
}
