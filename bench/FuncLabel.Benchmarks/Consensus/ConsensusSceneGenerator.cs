using FuncLabel.Benchmarks.Scoring;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Geometry;
using NetTopologySuite.Geometries;

namespace FuncLabel.Benchmarks.Consensus;

/// <summary>The final labels of every pass over one asset, ready for <see cref="PassMerge.Of"/>.</summary>
internal sealed record ConsensusScene(string AssetId, IReadOnlyList<PassLabel> Passes, AssetExtent Extent);

/// <summary>
/// Seeded multi-pass scenes for the consensus benchmark: one hidden "true" scene per asset, and each pass a noisy
/// copy of it, as independent annotators (or model passes) would draw it.
/// </summary>
/// <remarks>
/// <para><b>True scene.</b> <c>instances</c> objects, half boxes (classes <c>car</c>, <c>bus</c>, <c>person</c>;
/// 20–60 px a side) and half polygons (classes <c>road</c>, <c>building</c>; non-convex stars of 8–64 vertices,
/// radius 15–35 px, from <see cref="PolygonPairGenerator.Star"/>), placed uniformly in a square sized as in
/// <see cref="SceneGenerator"/> so that each object's envelope meets about five others. Every object carries an
/// <c>occluded</c> radio answer (<c>yes</c>/<c>no</c>); boxes also a <c>damage</c> checklist (subset of
/// <c>dent</c>/<c>scratch</c>/<c>glass</c>). The asset has two global classifications: <c>weather</c> (radio whose
/// options open a nested <c>intensity</c> radio) and <c>issues</c> (checklist).</para>
/// <para><b>Each pass.</b> Every true object is <b>missed</b> with probability 8%; otherwise drawn with
/// <b>jitter</b> (boxes: each edge moved by up to ±8% of the size; polygons: every vertex moved radially by up to
/// ±10% and the whole shifted by up to ±8% of the radius, <see cref="PolygonPairGenerator.Jitter"/>), relabelled to
/// another class of the same tool with probability 3%, and each attribute answered differently with probability
/// 15%. <b>Spurious</b> objects: 5% of <c>instances</c> per pass, placed uniformly. Each global classification is
/// answered as the truth with probability 80% (else a random other answer) and left out with probability 5%.</para>
/// <para>Uuids are random per pass (independent annotators); the same seed gives the same scene.</para>
/// </remarks>
internal static class ConsensusSceneGenerator
{
    private static readonly string[] BoxClasses = ["car", "bus", "person"];
    private static readonly string[] PolygonClasses = ["road", "building"];
    private static readonly string[] Damage = ["o-dent", "o-scratch", "o-glass"];
    private static readonly string[] Weather = ["o-clear", "o-rain", "o-fog"];
    private static readonly string[] Intensity = ["o-light", "o-heavy"];
    private static readonly string[] Issues = ["o-blur", "o-glare", "o-crop"];

    public static ConsensusScene Generate(int instances, int passes, int seed)
    {
        var random = new Random(seed);
        double side = 2 * 45 * Math.Sqrt(1.1 * instances / 5);
        var truth = new List<TrueObject>(instances);
        for (int i = 0; i < instances; i++)
        {
            truth.Add(NewObject(random, side, isBox: i % 2 == 0));
        }

        var weather = (Option: random.Next(Weather.Length), Nested: random.Next(Intensity.Length));
        var issues = RandomSubset(random, Issues.Length);
        var labels = new List<PassLabel>(passes);
        for (int pass = 1; pass <= passes; pass++)
        {
            var annotations = new List<Annotation>();
            foreach (var obj in truth)
            {
                if (random.NextDouble() >= 0.08)
                {
                    annotations.Add(Draw(random, obj));
                }
            }

            for (int s = 0; s < Math.Max(1, instances / 20); s++)
            {
                annotations.Add(Draw(random, NewObject(random, side, isBox: random.Next(2) == 0)));
            }

            if (random.NextDouble() >= 0.05)
            {
                (int Option, int Nested) chosen = random.NextDouble() < 0.8 ? weather : (random.Next(Weather.Length), random.Next(Intensity.Length));
                annotations.Add(new Annotation(Uuid(random), "c-weather", new RadioAnswer(new SelectedOption(
                    Weather[chosen.Option], [new Classification("c-intensity", Radio(Intensity[chosen.Nested]))])), AnnotationSource.Human));
            }

            if (random.NextDouble() >= 0.05)
            {
                var chosen = random.NextDouble() < 0.8 ? issues : RandomSubset(random, Issues.Length);
                annotations.Add(new Annotation(Uuid(random), "c-issues", Checklist(Issues, chosen), AnnotationSource.Human));
            }

            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(annotations));
            labels.Add(new PassLabel(pass, new Label($"annotator-{pass}", $"asset-{seed}", "v1", 1, [.. annotations])));
        }

        return new ConsensusScene($"asset-{seed}", labels, AssetExtent.Image((int)side + 100, (int)side + 100));
    }

    private static TrueObject NewObject(Random random, double side, bool isBox)
    {
        double x = 50 + (random.NextDouble() * side), y = 50 + (random.NextDouble() * side);
        var occluded = random.Next(2);
        if (isBox)
        {
            double w = 20 + (40 * random.NextDouble()), h = 20 + (40 * random.NextDouble());
            return new TrueObject(BoxClasses[random.Next(BoxClasses.Length)], new BoundingBox(x, y, w, h), null, x, y, 0, occluded, RandomSubset(random, Damage.Length));
        }

        double r = 15 + (20 * random.NextDouble());
        return new TrueObject(PolygonClasses[random.Next(PolygonClasses.Length)], null, PolygonPairGenerator.Star(random, x, y, r, withHole: false), x, y, r, occluded, 0);
    }

    private static Annotation Draw(Random random, TrueObject obj)
    {
        AnnotationGeometry geometry;
        string classId;
        if (obj.Box is { } box)
        {
            classId = random.NextDouble() < 0.03 ? Other(random, BoxClasses, obj.ClassId) : obj.ClassId;
            double left = box.Left + (box.Width * Jitter(random, 0.08)), top = box.Top + (box.Height * Jitter(random, 0.08));
            double right = box.Right + (box.Width * Jitter(random, 0.08)), bottom = box.Bottom + (box.Height * Jitter(random, 0.08));
            geometry = new BoundingBox(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top));
        }
        else
        {
            classId = random.NextDouble() < 0.03 ? Other(random, PolygonClasses, obj.ClassId) : obj.ClassId;
            Polygon copy = PolygonPairGenerator.Jitter(random, obj.Polygon!, obj.X, obj.Y, 0.1, obj.Radius * Jitter(random, 0.08), obj.Radius * Jitter(random, 0.08));
            geometry = new PolygonGeometry(copy.Shell.Coordinates.Take(copy.Shell.NumPoints - 1).Select(c => new PixelPoint(c.X, c.Y)).ToValueList());
        }

        var occluded = random.NextDouble() < 0.15 ? 1 - obj.Occluded : obj.Occluded;
        List<Classification> attributes = [new("c-occluded", Radio(occluded == 1 ? "o-yes" : "o-no"))];
        if (obj.Box is not null)
        {
            var damage = random.NextDouble() < 0.15 ? RandomSubset(random, Damage.Length) : obj.Damage;
            attributes.Add(new Classification("c-damage", Checklist(Damage, damage)));
        }

        return new Annotation(Uuid(random), classId, geometry, [.. attributes], AnnotationSource.Human);
    }

    private static RadioAnswer Radio(string option) => new(new SelectedOption(option, ValueList<Classification>.Empty));

    private static ChecklistAnswer Checklist(string[] options, int mask) =>
        new([.. options.Where((_, i) => (mask & (1 << i)) != 0).Select(o => new SelectedOption(o, ValueList<Classification>.Empty))]);

    /// <summary>A non-empty subset of <paramref name="count"/> options, as a bit mask.</summary>
    private static int RandomSubset(Random random, int count) => 1 + random.Next((1 << count) - 1);

    private static string Other(Random random, string[] classes, string classId) =>
        classes[(Array.IndexOf(classes, classId) + 1 + random.Next(classes.Length - 1)) % classes.Length];

    private static double Jitter(Random random, double amount) => amount * ((2 * random.NextDouble()) - 1);

    private static Guid Uuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private sealed record TrueObject(string ClassId, BoundingBox? Box, Polygon? Polygon, double X, double Y, double Radius, int Occluded, int Damage);
}
