using System.Collections.Immutable;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Tests.Support;

/// <summary>
/// Builds valid annotations of every shape for <see cref="TestOntology"/> from a seed: boxes, star-shaped (hence
/// simple) polygons, points, polylines, masks, text spans and global classifications, with random nested answers and
/// optional confidence. Coordinates mix integers, fractions and tiny/huge magnitudes to exercise number formatting.
/// </summary>
internal static class RandomAnnotations
{
    public static (DataRowReference DataRow, Annotation Annotation) Create(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var uuid = new Guid(bytes);
        var dataRow = random.Next(2) == 0 ? DataRowReference.ById($"row-{random.Next(1000)}") : DataRowReference.ByGlobalKey($"key/ä {random.Next(1000)}.jpg");
        double? confidence = random.Next(3) == 0 ? null : random.NextDouble();
        var ontology = TestOntology.Instance;
        var @class = ontology.Classes[random.Next(ontology.Classes.Count)];
        var annotation = @class.Tool.IsClassification()
            ? new Annotation(uuid, @class.SchemaId, Answer(random, @class, depth: 0), AnnotationSource.Prelabel, confidence)
            : new Annotation(uuid, @class.SchemaId, Geometry(random, @class.Tool), Classifications(random, @class.Classifications, 0), AnnotationSource.Prelabel, confidence);
        return (dataRow, annotation);
    }

    private static AnnotationGeometry Geometry(Random random, Tool tool) => tool switch
    {
        Tool.Bbox => new BoundingBox(Coordinate(random), Coordinate(random), Size(random), Size(random)),
        Tool.Point => new PointGeometry(Coordinate(random), Coordinate(random)),
        Tool.Polygon => StarPolygon(random),
        Tool.Polyline => new PolylineGeometry(Enumerable.Range(0, random.Next(2, 12)).Select(i => new PixelPoint(i * 3.5 + random.NextDouble(), Coordinate(random))).ToValueList()),
        Tool.Entity => Span(random),
        _ => random.Next(4) == 0 ? new MaskBlobReference($"{TestOntology.ProjectId}/masks/m{random.Next(99)}.png", new RgbColor((byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256))) : Mask(random),
    };

    private static double Coordinate(Random random) => random.Next(5) switch
    {
        0 => random.Next(0, 5000),
        1 => Math.Round(random.NextDouble() * 5000, 3),
        2 => random.NextDouble() * 1e-6,
        3 => random.NextDouble() * 1e9,
        _ => random.NextDouble() * 4000,
    };

    private static double Size(Random random) => random.Next(4) == 0 ? random.Next(1, 500) : 1e-9 + (random.NextDouble() * 800);

    private static TextSpan Span(Random random)
    {
        var start = random.Next(0, 10_000);
        return new TextSpan(start, start + random.Next(0, 50));
    }

    /// <summary>Vertices at strictly increasing angles around a centre are a simple polygon.</summary>
    private static PolygonGeometry StarPolygon(Random random)
    {
        var count = random.Next(3, 40);
        double cx = 1000 + (random.NextDouble() * 2000), cy = 1000 + (random.NextDouble() * 2000);
        var points = ImmutableArray.CreateBuilder<PixelPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var angle = 2 * Math.PI * (i + (random.NextDouble() * 0.8)) / count;
            var radius = 10 + (random.NextDouble() * 500);
            points.Add(new PixelPoint(cx + (radius * Math.Cos(angle)), cy + (radius * Math.Sin(angle))));
        }

        return new PolygonGeometry(ValueList.Wrap(points.MoveToImmutable()));
    }

    private static MaskGeometry Mask(Random random)
    {
        int width = random.Next(1, 40), height = random.Next(1, 40);
        var builder = new MaskRunLengthBuilder(width, height);
        var total = width * height;
        var filled = 0;
        var foreground = random.Next(2) == 0;
        while (filled < total)
        {
            var run = Math.Min(total - filled, random.Next(1, 30));
            builder.TryAppend(foreground, run);
            filled += run;
            foreground = !foreground;
        }

        var mask = builder.TryBuild()!;
        return mask.Area > 0 ? mask : new MaskGeometry(width, height, [total - 1, 1]);
    }

    private static ClassificationAnswer Answer(Random random, OntologyClass question, int depth) => question.Tool switch
    {
        Tool.Text => new TextAnswer(Text(random)),
        Tool.Radio => new RadioAnswer(Option(random, question.Options[random.Next(question.Options.Count)], depth)),
        _ => new ChecklistAnswer(question.Options.Where(_ => random.Next(2) == 0).OrderBy(_ => random.Next()).Select(o => Option(random, o, depth)).ToValueList()),
    };

    private static SelectedOption Option(Random random, OntologyOption option, int depth) =>
        new(option.SchemaId, Classifications(random, option.Classifications, depth + 1));

    private static ValueList<Classification> Classifications(Random random, ValueList<OntologyClass> questions, int depth) =>
        questions.Where(_ => random.Next(3) != 0).Select(q => new Classification(q.SchemaId, Answer(random, q, depth))).ToValueList();

    private static string Text(Random random)
    {
        string[] pieces = ["navy", "é", "🚗", "\"quoted\"", "back\\slash", "tab\t", "line\nbreak", "<tag>", "\u0001", "", "日本"];
        return string.Concat(Enumerable.Range(0, random.Next(0, 5)).Select(_ => pieces[random.Next(pieces.Length)]));
    }
}
