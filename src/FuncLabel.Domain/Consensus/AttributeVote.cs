using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;

namespace FuncLabel.Domain.Consensus;

/// <summary>
/// An object cluster's attributes by vote: per question (in order of first appearance), the most frequent answer
/// among the members, kept when more than the quorum of members gave it. The kept answer is the earliest member's
/// own form of it (original option order preserved).
/// </summary>
internal static class AttributeVote
{
    public static ValueList<Classification> Of(IReadOnlyList<Annotation> members, ConsensusOptions options)
    {
        var questions = new List<string>();
        var answers = new Dictionary<string, List<ClassificationAnswer>>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            foreach (var group in member.Classifications.GroupBy(c => c.SchemaId, StringComparer.Ordinal))
            {
                if (!answers.TryGetValue(group.Key, out var list))
                {
                    questions.Add(group.Key);
                    answers[group.Key] = list = [];
                }

                list.Add(group.First().Answer);
            }
        }

        var kept = new List<Classification>();
        foreach (var question in questions)
        {
            var (answer, votes) = Plurality(answers[question]);
            if (options.Keeps(votes, members.Count))
            {
                kept.Add(new Classification(question, answer));
            }
        }

        return kept.ToValueList();
    }

    /// <summary>The most frequent answer (canonical comparison) and its count; the earliest wins ties.</summary>
    public static (ClassificationAnswer Answer, int Votes) Plurality(IReadOnlyList<ClassificationAnswer> answers)
    {
        var keys = answers.Select(AnswerKey.Of).ToList();
        int best = 0, bestVotes = 0;
        for (int i = 0; i < keys.Count; i++)
        {
            int votes = keys.Count(k => k.Equals(keys[i]));
            if (votes > bestVotes)
            {
                best = i;
                bestVotes = votes;
            }
        }

        return (answers[best], bestVotes);
    }
}
