using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Matching;
using FuncLabel.Domain.Scoring.Shapes;

namespace FuncLabel.Domain.Scoring;

/// <summary>
/// "Calculate score": compares a candidate's annotations with gold and explains every shortfall
/// (docs/scoring.md has the formula and the reasons in full).
/// </summary>
/// <remarks>
/// <para>
/// Objects are matched in two rounds. First within each class: optimal one-to-one assignment
/// (maximum total similarity, <see cref="HungarianAssignment"/>) over the pairs whose similarity
/// reaches the match threshold. Then the leftovers of both sides across classes, the same way:
/// a candidate that lands on a gold instance of another class is <c>wrong_class</c> rather than one
/// <c>missing</c> plus one <c>extra</c>. What is still unmatched is <c>missing</c> (gold) or
/// <c>extra</c> (candidate). Global classifications are paired by question.
/// </para>
/// <para>
/// Each gold instance earns a credit in [0, 1]: a right-class match earns
/// min(1, overlap / passOverlap) × attribute agreement; a global classification earns its answer
/// agreement; wrong class and missing earn 0. The score is 100 · Σ credit / (gold + extra), so
/// extras cost as much as misses. It is exactly 100 only when every credit is 1 and nothing is
/// extra; any other score is floored to two decimals so it can never round up to 100.
/// </para>
/// </remarks>
public static class CandidateScore
{
    /// <summary>Scores a candidate label against a gold label of the same asset.</summary>
    public static ScoreResult Of(Label gold, Label candidate, AssetExtent extent, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(candidate);
        return Of(gold.Annotations, candidate.Annotations, extent, options);
    }

    /// <summary>
    /// Scores candidate annotations against gold annotations. Geometry is expected to have passed
    /// <see cref="GeometryPolicy"/>; options must be valid (<see cref="ScoringOptions.Problems"/>).
    /// </summary>
    public static ScoreResult Of(IReadOnlyList<Annotation> gold, IReadOnlyList<Annotation> candidate, AssetExtent extent, ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(extent);
        options ??= ScoringOptions.Default;
        IReadOnlyList<ScoringOptionsProblem> problems = options.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid scoring options: {problems[0].Field} {problems[0].Message}.", nameof(options));
        }

        var preparation = new ShapePreparation(options, extent);
        var tally = new Tally(options);
        ScoreObjects(gold, candidate, preparation, tally);
        ScoreClassifications(gold, candidate, tally);
        return tally.ToResult(gold.Count, candidate.Count);
    }

    private static void ScoreObjects(IReadOnlyList<Annotation> gold, IReadOnlyList<Annotation> candidate, ShapePreparation preparation, Tally tally)
    {
        List<ObjectInstance> goldObjects = ObjectInstance.PrepareAll(gold, preparation);
        List<ObjectInstance> candidateObjects = ObjectInstance.PrepareAll(candidate, preparation);

        IReadOnlyList<SimilarityEdge> sameClass = InstanceGraph.Match(
            goldObjects, candidateObjects, static (g, c) => g.SchemaId == c.SchemaId, preparation);
        var goldUsed = new bool[goldObjects.Count];
        var candidateUsed = new bool[candidateObjects.Count];
        foreach (SimilarityEdge pair in sameClass)
        {
            goldUsed[pair.Left] = candidateUsed[pair.Right] = true;
            tally.RightClass(goldObjects[pair.Left].Annotation, candidateObjects[pair.Right].Annotation, pair.Similarity);
        }

        List<ObjectInstance> goldLeft = [.. goldObjects.Where((_, i) => !goldUsed[i])];
        List<ObjectInstance> candidateLeft = [.. candidateObjects.Where((_, j) => !candidateUsed[j])];
        IReadOnlyList<SimilarityEdge> crossClass = InstanceGraph.Match(
            goldLeft, candidateLeft, static (g, c) => g.SchemaId != c.SchemaId, preparation);
        var goldCrossed = new bool[goldLeft.Count];
        var candidateCrossed = new bool[candidateLeft.Count];
        foreach (SimilarityEdge pair in crossClass)
        {
            goldCrossed[pair.Left] = candidateCrossed[pair.Right] = true;
            tally.WrongClass(goldLeft[pair.Left].Annotation, candidateLeft[pair.Right].Annotation, pair.Similarity);
        }

        for (int i = 0; i < goldLeft.Count; i++)
        {
            if (!goldCrossed[i])
            {
                tally.Missing(goldLeft[i].Annotation);
            }
        }

        for (int j = 0; j < candidateLeft.Count; j++)
        {
            if (!candidateCrossed[j])
            {
                tally.Extra(candidateLeft[j].Annotation);
            }
        }
    }

    /// <summary>Pairs global classifications by question id, in order of appearance.</summary>
    private static void ScoreClassifications(IReadOnlyList<Annotation> gold, IReadOnlyList<Annotation> candidate, Tally tally)
    {
        var candidatesByQuestion = new Dictionary<string, Queue<Annotation>>(StringComparer.Ordinal);
        foreach (Annotation answer in candidate.Where(a => a.Answer is not null))
        {
            if (!candidatesByQuestion.TryGetValue(answer.SchemaId, out Queue<Annotation>? queue))
            {
                queue = new Queue<Annotation>();
                candidatesByQuestion.Add(answer.SchemaId, queue);
            }

            queue.Enqueue(answer);
        }

        foreach (Annotation expected in gold.Where(a => a.Answer is not null))
        {
            if (candidatesByQuestion.TryGetValue(expected.SchemaId, out Queue<Annotation>? queue) && queue.TryDequeue(out Annotation? given))
            {
                tally.Answered(expected, given, AnswerAgreement.Of(expected.Answer!, given.Answer!));
            }
            else
            {
                tally.Missing(expected);
            }
        }

        foreach (Annotation unexpected in candidatesByQuestion.Values.SelectMany(q => q))
        {
            tally.Extra(unexpected);
        }
    }

    /// <summary>Accumulates credits, counts and feedback while the rounds run.</summary>
    private sealed class Tally(ScoringOptions options)
    {
        private readonly List<ScoreFeedback> _feedback = [];
        private readonly List<double> _objectOverlaps = [];
        private double _credit;
        private bool _allCreditsFull = true;
        private int _extra;
        private int _matched;

        public void RightClass(Annotation gold, Annotation candidate, double overlap)
        {
            _matched++;
            _objectOverlaps.Add(overlap);
            double geometric = overlap >= options.PassOverlap ? 1.0 : overlap / options.PassOverlap;
            if (geometric < 1.0)
            {
                _feedback.Add(new ScoreFeedback(
                    FeedbackReason.LowOverlap, gold.Uuid, candidate.Uuid, gold.SchemaId, overlap,
                    "The shape is in the right place but does not follow gold closely enough; adjust its outline."));
            }

            double agreement = 1.0;
            if (gold.Classifications.Count > 0 || candidate.Classifications.Count > 0)
            {
                IReadOnlyList<(string QuestionId, double Agreement)> questions = AnswerAgreement.PerQuestion(gold.Classifications, candidate.Classifications);
                agreement = questions.Average(q => q.Agreement);
                foreach ((string questionId, _) in questions.Where(q => q.Agreement < 1.0))
                {
                    _feedback.Add(new ScoreFeedback(
                        FeedbackReason.WrongAttribute, gold.Uuid, candidate.Uuid, gold.SchemaId, overlap,
                        $"The answer to attribute {questionId} does not match gold."));
                }
            }

            AddCredit(geometric * agreement);
        }

        public void WrongClass(Annotation gold, Annotation candidate, double overlap)
        {
            _feedback.Add(new ScoreFeedback(
                FeedbackReason.WrongClass, gold.Uuid, candidate.Uuid, gold.SchemaId, overlap,
                $"This shape was labelled {candidate.SchemaId}; gold says {gold.SchemaId}."));
            AddCredit(0.0);
        }

        public void Answered(Annotation gold, Annotation candidate, double agreement)
        {
            if (agreement >= options.MatchThreshold)
            {
                _matched++;
            }

            if (agreement < 1.0)
            {
                _feedback.Add(new ScoreFeedback(
                    FeedbackReason.WrongAttribute, gold.Uuid, candidate.Uuid, gold.SchemaId, agreement,
                    $"The answer to {gold.SchemaId} does not match gold."));
            }

            AddCredit(agreement);
        }

        public void Missing(Annotation gold)
        {
            string what = gold.Geometry is null ? "question is unanswered" : "instance was not found";
            _feedback.Add(new ScoreFeedback(FeedbackReason.Missing, gold.Uuid, null, gold.SchemaId, null, $"A gold {gold.SchemaId} {what}."));
            AddCredit(0.0);
        }

        public void Extra(Annotation candidate)
        {
            string what = candidate.Geometry is null ? "answer to a question gold leaves unanswered" : "instance that matches nothing in gold";
            _feedback.Add(new ScoreFeedback(FeedbackReason.Extra, null, candidate.Uuid, candidate.SchemaId, null, $"This {candidate.SchemaId} is an {what}."));
            _extra++;
        }

        public ScoreResult ToResult(int goldCount, int candidateCount)
        {
            int denominator = goldCount + _extra;
            double score;
            if (_allCreditsFull && _extra == 0)
            {
                score = 100.0;
            }
            else
            {
                double raw = 100.0 * _credit / denominator;
                score = Math.Min(99.99, Math.Floor(raw * 100) / 100);
            }

            _feedback.Sort(static (a, b) =>
            {
                int byReason = a.Reason.CompareTo(b.Reason);
                if (byReason != 0)
                {
                    return byReason;
                }

                int byGold = Nullable.Compare(a.GoldId, b.GoldId);
                return byGold != 0 ? byGold : Nullable.Compare(a.CandidateId, b.CandidateId);
            });

            return new ScoreResult(
                Score: score,
                Precision: candidateCount == 0 ? 1.0 : (double)_matched / candidateCount,
                Recall: goldCount == 0 ? 1.0 : (double)_matched / goldCount,
                MeanOverlap: _objectOverlaps.Count == 0 ? null : _objectOverlaps.Average(),
                GoldCount: goldCount,
                CandidateCount: candidateCount,
                MatchedCount: _matched,
                Feedback: _feedback.ToValueList(),
                Options: options,
                ScorerVersion: Scoring.ScorerVersion.Current);
        }

        private void AddCredit(double credit)
        {
            _credit += credit;
            _allCreditsFull &= credit == 1.0;
        }
    }
}
