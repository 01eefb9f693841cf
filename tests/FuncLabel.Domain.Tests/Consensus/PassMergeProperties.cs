using FsCheck.Xunit;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Geometry;
using static FuncLabel.Domain.Tests.Scoring.ScoringSamples;

namespace FuncLabel.Domain.Tests.Consensus;

/// <summary>Seeded scenes: objects in their own 100 px grid cells, each pass drawing each with jitter or leaving it out.</summary>
public sealed class PassMergeProperties
{
    private static readonly AssetExtent Image = AssetExtent.Image(2000, 200);

    /// <remarks>
    /// 1–15 objects of class a or b, 1–7 passes; each pass draws each object with probability 0.7, shifted by up to
    /// ±2 px (IoU with the truth ≥ 0.68, with each other ≥ 0.47, always above the 0.4 threshold; cells are 100 px
    /// apart so nothing else can match). Expected: exactly the objects drawn by more than half the passes are
    /// kept, each with the passes that drew it as provenance, and each merged box within 2 px of the truth.
    /// </remarks>
    [Property(MaxTest = 200)]
    public bool Of_KeepsExactlyTheObjectsMostPassesDrew(int seed)
    {
        var random = new Random(seed);
        int objects = random.Next(1, 16), passes = random.Next(1, 8);
        var truth = Enumerable.Range(0, objects).Select(i => (Class: random.Next(2) == 0 ? "a" : "b", Left: (i * 100) + 20.0, Top: 50.0)).ToList();
        var drawnBy = Enumerable.Range(0, objects).Select(_ => new List<int>()).ToArray();
        var labels = new List<PassLabel>();
        for (int p = 1; p <= passes; p++)
        {
            var annotations = new List<Annotation>();
            for (int i = 0; i < objects; i++)
            {
                if (random.NextDouble() < 0.7)
                {
                    drawnBy[i].Add(p);
                    annotations.Add(Box((p * 100) + i, truth[i].Class, truth[i].Left + Jitter(random), truth[i].Top + Jitter(random), 20, 20));
                }
            }

            // Passes list their instances in any order.
            labels.Add(new PassLabel(p, new Label("u" + p, "a", "v", 1, annotations.OrderBy(_ => random.Next()).ToValueList())));
        }

        var result = PassMerge.Of("a", "v", labels.OrderBy(_ => random.Next()).ToList(), [], Image);
        var expected = Enumerable.Range(0, objects).Where(i => drawnBy[i].Count * 2 > passes).ToList();
        if (result.Instances.Count != expected.Count)
        {
            return false;
        }

        foreach (int i in expected)
        {
            var match = result.Instances.SingleOrDefault(x => x.Annotation.Geometry is BoundingBox b && Math.Abs(b.Left - truth[i].Left) <= 2 && Math.Abs(b.Top - truth[i].Top) <= 2);
            if (match is null || match.Annotation.SchemaId != truth[i].Class || !match.Passes.SequenceEqual(drawnBy[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Identical passes: the consensus is the pass itself and agreement is 100.</summary>
    [Property(MaxTest = 100)]
    public bool Of_IdenticalPasses_ThatPass_FullAgreement(int seed)
    {
        var random = new Random(seed);
        int count = random.Next(0, 10);
        var annotations = Enumerable.Range(0, count).Select(i => Box(i + 1, "a", (i * 100) + random.Next(0, 50), random.Next(0, 50), 10 + random.Next(40), 10 + random.Next(40))).ToValueList();
        int passes = random.Next(2, 6);
        var result = PassMerge.Of("a", "v", Enumerable.Range(1, passes).Select(p => new PassLabel(p, new Label("u", "a", "v", 1, annotations))).ToList(), [], Image);
        return result.Agreement == 100 && result.Label.Annotations.SequenceEqual(annotations.Select(a => a with { Source = AnnotationSource.Consensus }));
    }

    private static double Jitter(Random random) => Math.Round((random.NextDouble() * 4) - 2, 2);
}
