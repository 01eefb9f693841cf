using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Consensus;

/// <summary>
/// A canonical form of an answer for counting votes: checklist options and every list of nested questions sorted
/// by schema id, so two answers that differ only in order count as the same vote.
/// </summary>
internal static class AnswerKey
{
    public static ClassificationAnswer Of(ClassificationAnswer answer) => answer switch
    {
        RadioAnswer radio => new RadioAnswer(Option(radio.Option)),
        ChecklistAnswer checklist => new ChecklistAnswer(checklist.Options.Select(Option).OrderBy(o => o.SchemaId, StringComparer.Ordinal).ToValueList()),
        TextAnswer text => new TextAnswer(text.Text.Trim()),
        _ => answer,
    };

    private static SelectedOption Option(SelectedOption option) =>
        new(option.SchemaId, option.Classifications.Select(c => new Classification(c.SchemaId, Of(c.Answer))).OrderBy(c => c.SchemaId, StringComparer.Ordinal).ToValueList());
}
