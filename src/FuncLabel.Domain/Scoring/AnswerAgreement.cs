using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Scoring;

/// <summary>
/// How far two classification answers agree, in [0, 1], nested answers included.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><b>Radio</b>: 0 for different options; for the same option, the agreement of the questions
/// that option opens (1 when it opens none). A right answer with a wrong follow-up is partly right.</item>
/// <item><b>Checklist</b>: Jaccard index of the chosen option sets, each shared option weighted by the
/// agreement of its own nested questions: Σ over shared options of agreement / |union|. Without nested
/// questions this is exactly |G ∩ C| / |G ∪ C|; two empty selections agree fully.</item>
/// <item><b>Free text</b>: 1 when equal after trimming white space at both ends (ordinal, case-sensitive), else 0.</item>
/// <item><b>A set of questions</b> (an object's attributes, an option's follow-ups): the mean over the
/// union of question ids; a question answered on one side only scores 0; no questions on either side scores 1.</item>
/// </list>
/// Symmetric in its arguments, and 1 exactly when the answers are equal as sets at every depth.
/// </remarks>
public static class AnswerAgreement
{
    /// <summary>Agreement of two answers to the same question.</summary>
    public static double Of(ClassificationAnswer gold, ClassificationAnswer candidate) => (gold, candidate) switch
    {
        (RadioAnswer g, RadioAnswer c) => g.Option.SchemaId == c.Option.SchemaId
            ? OfQuestions(g.Option.Classifications, c.Option.Classifications)
            : 0.0,
        (ChecklistAnswer g, ChecklistAnswer c) => Checklist(g.Options, c.Options),
        (TextAnswer g, TextAnswer c) => string.Equals(g.Text.Trim(), c.Text.Trim(), StringComparison.Ordinal) ? 1.0 : 0.0,
        _ => 0.0,
    };

    /// <summary>Mean agreement over the union of the questions answered on either side.</summary>
    public static double OfQuestions(ValueList<Classification> gold, ValueList<Classification> candidate)
    {
        IReadOnlyList<(string QuestionId, double Agreement)> perQuestion = PerQuestion(gold, candidate);
        return perQuestion.Count == 0 ? 1.0 : perQuestion.Average(q => q.Agreement);
    }

    /// <summary>The agreement of each question answered on either side, gold's questions first, in order.</summary>
    public static IReadOnlyList<(string QuestionId, double Agreement)> PerQuestion(ValueList<Classification> gold, ValueList<Classification> candidate)
    {
        if (gold.Count == 0 && candidate.Count == 0)
        {
            return [];
        }

        Dictionary<string, ClassificationAnswer> candidateAnswers = FirstAnswers(candidate);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<(string, double)>();
        foreach (Classification question in gold)
        {
            if (seen.Add(question.SchemaId))
            {
                double agreement = candidateAnswers.TryGetValue(question.SchemaId, out ClassificationAnswer? answer)
                    ? Of(question.Answer, answer)
                    : 0.0;
                result.Add((question.SchemaId, agreement));
            }
        }

        foreach (Classification question in candidate)
        {
            if (seen.Add(question.SchemaId))
            {
                result.Add((question.SchemaId, 0.0));
            }
        }

        return result;
    }

    private static double Checklist(ValueList<SelectedOption> gold, ValueList<SelectedOption> candidate)
    {
        var goldOptions = new Dictionary<string, SelectedOption>(StringComparer.Ordinal);
        foreach (SelectedOption option in gold)
        {
            goldOptions.TryAdd(option.SchemaId, option);
        }

        var candidateIds = new HashSet<string>(StringComparer.Ordinal);
        double shared = 0;
        foreach (SelectedOption option in candidate)
        {
            if (candidateIds.Add(option.SchemaId) && goldOptions.TryGetValue(option.SchemaId, out SelectedOption? match))
            {
                shared += OfQuestions(match.Classifications, option.Classifications);
            }
        }

        int union = goldOptions.Count + candidateIds.Count(id => !goldOptions.ContainsKey(id));
        return union == 0 ? 1.0 : shared / union;
    }

    private static Dictionary<string, ClassificationAnswer> FirstAnswers(ValueList<Classification> questions)
    {
        var answers = new Dictionary<string, ClassificationAnswer>(StringComparer.Ordinal);
        foreach (Classification question in questions)
        {
            answers.TryAdd(question.SchemaId, question.Answer);
        }

        return answers;
    }
}
