using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncLabel.Domain.Matching;
using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Tests.Scoring;

public sealed class AssignmentTests
{
    [Fact]
    public void Maximise_GreedyWouldBeWrong_FindsTheOptimum()
    {
        // Greedy takes (0,0) = 0.9 and leaves row 1 with 0.1; the optimum is (0,1) + (1,0) = 0.8 + 0.85.
        double[] similarity = [0.9, 0.8, 0.85, 0.1];

        int[] assignment = HungarianAssignment.Maximise(similarity, 2, 2, 0.0);

        Assert.Equal([1, 0], assignment);
    }

    [Fact]
    public void Maximise_BelowThreshold_LeftUnmatched()
    {
        double[] similarity = [0.9, 0.3, 0.2, 0.35];

        Assert.Equal([0, -1], HungarianAssignment.Maximise(similarity, 2, 2, 0.4));
    }

    [Fact]
    public void Maximise_TallAndWideMatrices_SameAnswerTransposed()
    {
        // 3 rows × 2 columns.
        double[] tall = [0.5, 0.9, 0.7, 0.6, 0.95, 0.1];
        double[] wide = [0.5, 0.7, 0.95, 0.9, 0.6, 0.1];

        Assert.Equal([1, -1, 0], HungarianAssignment.Maximise(tall, 3, 2, 0.4));
        Assert.Equal([2, 0], HungarianAssignment.Maximise(wide, 2, 3, 0.4));
    }

    [Property(MaxTest = 300)]
    public Property Maximise_AnyMatrix_EqualsBruteForceOptimum() =>
        Prop.ForAll(SmallMatrices().ToArbitrary(), matrix =>
        {
            (int rows, int columns, double[] similarity) = matrix;
            int[] assignment = HungarianAssignment.Maximise(similarity, rows, columns, 0.4);
            double total = 0;
            var usedColumns = new HashSet<int>();
            for (int r = 0; r < rows; r++)
            {
                if (assignment[r] >= 0)
                {
                    Assert.True(usedColumns.Add(assignment[r]));
                    Assert.True(similarity[(r * columns) + assignment[r]] >= 0.4);
                    total += similarity[(r * columns) + assignment[r]];
                }
            }

            return Math.Abs(total - BruteForce(similarity, rows, columns, 0, new bool[columns], 0.4)) < 1e-9;
        });

    [Fact]
    public void SparseAssignment_TwoComponents_EachSolvedOptimally()
    {
        // Component 1: left 0,1 × right 0,1 with the greedy trap; component 2: left 2 – right 2.
        SimilarityEdge[] edges =
        [
            new(0, 0, 0.9), new(0, 1, 0.8), new(1, 0, 0.85), new(1, 1, 0.45),
            new(2, 2, 0.7),
        ];

        IReadOnlyList<SimilarityEdge> matched = SparseAssignment.Maximise(edges, 3, 3, 0.4);

        Assert.Equal([new(0, 1, 0.8), new(1, 0, 0.85), new(2, 2, 0.7)], matched);
    }

    [Property(MaxTest = 100)]
    public Property CandidatePairs_AnyEnvelopes_SameAsBruteForce() =>
        Prop.ForAll(Gen.Choose(0, 40).Two().ToArbitrary(), Gen.Choose(0, int.MaxValue).ToArbitrary(), (sizes, seed) =>
        {
            var random = new Random(seed);
            Envelope[] left = [.. Enumerable.Range(0, sizes.Item1).Select(_ => RandomEnvelope(random))];
            Envelope[] right = [.. Enumerable.Range(0, sizes.Item2).Select(_ => RandomEnvelope(random))];
            var expected = new List<(int, int)>();
            for (int i = 0; i < left.Length; i++)
            {
                for (int j = 0; j < right.Length; j++)
                {
                    if (left[i].Intersects(right[j]))
                    {
                        expected.Add((i, j));
                    }
                }
            }

            return expected.SequenceEqual(CandidatePairs.Intersecting(left, right));
        });

    private static Envelope RandomEnvelope(Random random)
    {
        double x = random.NextDouble() * 100;
        double y = random.NextDouble() * 100;
        return new Envelope(x, x + (random.NextDouble() * 20), y, y + (random.NextDouble() * 20));
    }

    private static Gen<(int Rows, int Columns, double[] Similarity)> SmallMatrices() =>
        from rows in Gen.Choose(0, 5)
        from columns in Gen.Choose(0, 5)
        from cells in Gen.Choose(0, 100).ArrayOf(rows * columns)
        select (rows, columns, cells.Select(c => c / 100.0).ToArray());

    private static double BruteForce(double[] similarity, int rows, int columns, int row, bool[] used, double threshold)
    {
        if (row == rows)
        {
            return 0;
        }

        double best = BruteForce(similarity, rows, columns, row + 1, used, threshold);
        for (int c = 0; c < columns; c++)
        {
            double s = similarity[(row * columns) + c];
            if (!used[c] && s >= threshold)
            {
                used[c] = true;
                best = Math.Max(best, s + BruteForce(similarity, rows, columns, row + 1, used, threshold));
                used[c] = false;
            }
        }

        return best;
    }
}
