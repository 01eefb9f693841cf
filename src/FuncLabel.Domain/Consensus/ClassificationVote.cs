using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Consensus;

/// <summary>
/// Global classifications by vote across passes: per question (first appearance order), each pass's first answer
/// is its vote; the winner is the most frequent answer (canonical comparison, earliest pass on ties).
/// </summary>
internal static class ClassificationVote
{
    public sealed record Winning(IReadOnlyList<int> Voters, IReadOnlyList<Annotation> Annotations);

    public sealed record Question(string SchemaId, Winning? Winner);

    public static IEnumerable<Question> Build(IReadOnlyList<(int Pass, List<Annotation> Annotations)> passes)
    {
        var order = new List<string>();
        var ballots = new Dictionary<string, List<(int Pass, Annotation Annotation)>>(StringComparer.Ordinal);
        foreach (var (pass, annotations) in passes)
        {
            foreach (var group in annotations.Where(a => a.Answer is not null).GroupBy(a => a.SchemaId, StringComparer.Ordinal))
            {
                if (!ballots.TryGetValue(group.Key, out var list))
                {
                    order.Add(group.Key);
                    ballots[group.Key] = list = [];
                }

                list.Add((pass, group.First()));
            }
        }

        foreach (var question in order)
        {
            var list = ballots[question];
            var (answer, _) = AttributeVote.Plurality([.. list.Select(b => b.Annotation.Answer!)]);
            var key = AnswerKey.Of(answer);
            var voters = list.Where(b => AnswerKey.Of(b.Annotation.Answer!).Equals(key)).ToList();
            yield return new Question(question, new Winning([.. voters.Select(v => v.Pass)], [.. voters.Select(v => v.Annotation)]));
        }
    }
}
