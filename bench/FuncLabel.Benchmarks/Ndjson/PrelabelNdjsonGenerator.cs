using System.Buffers;
using System.Collections.Immutable;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ndjson;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Benchmarks.Ndjson;

/// <summary>
/// Seeded generator of Labelbox-style pre-label NDJSON for benchmarks. Distribution per line: 60% bounding boxes
/// (class <c>car</c>, half with a nested radio answer), 20% polygons (class <c>road</c>, 8–64 vertices, star-shaped so
/// always simple), 20% global classifications with nested answers (half a radio whose option opens a nested radio,
/// half a checklist of 1–3 options each opening a nested free-text question). Images are 4000 × 3000; 70% of lines
/// carry a confidence; data rows alternate between <c>id</c> and <c>globalKey</c>. The same seed gives the same bytes.
/// </summary>
internal static class PrelabelNdjsonGenerator
{
    public const int ImageWidth = 4000;
    public const int ImageHeight = 3000;

    public static Ontology Ontology { get; } = OntologyBuilder.Build(
        new OntologyDraft(
        [
            new("c-car", "car", Tool.Bbox, Classifications: [new("c-car-kind", "kind", Tool.Radio, Options: [new("o-sedan", "sedan"), new("o-truck", "truck"), new("o-van", "van")])]),
            new("c-road", "road", Tool.Polygon),
            new("c-scene", "scene", Tool.Radio, Options:
            [
                new("o-urban", "urban", [new("c-density", "density", Tool.Radio, Options: [new("o-low", "low"), new("o-high", "high")])]),
                new("o-rural", "rural", [new("c-terrain", "terrain", Tool.Radio, Options: [new("o-flat", "flat"), new("o-hilly", "hilly")])]),
            ]),
            new("c-issues", "issues", Tool.Checklist, Options:
            [
                new("o-blur", "blur", [new("c-blur-note", "note", Tool.Text)]),
                new("o-glare", "glare", [new("c-glare-note", "note", Tool.Text)]),
                new("o-crop", "crop", [new("c-crop-note", "note", Tool.Text)]),
            ]),
        ]),
        previous: null).Ontology!;

    /// <summary>The NDJSON bytes of <paramref name="lines"/> annotations.</summary>
    public static byte[] Generate(int seed, int lines)
    {
        var random = new Random(seed);
        var output = new ArrayBufferWriter<byte>(lines * 300);
        for (var i = 0; i < lines; i++)
        {
            var (dataRow, annotation) = Next(random, i);
            NdjsonAnnotationWriter.WriteLine(output, dataRow, annotation);
        }

        return output.WrittenSpan.ToArray();
    }

    private static (DataRowReference, Annotation) Next(Random random, int index)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        var uuid = new Guid(bytes);
        var dataRow = index % 2 == 0 ? DataRowReference.ById($"asset-{random.Next(5000):D5}") : DataRowReference.ByGlobalKey($"images/batch-{random.Next(50)}/frame-{random.Next(100000):D6}.jpg");
        double? confidence = random.NextDouble() < 0.7 ? Math.Round(random.NextDouble(), 4) : null;
        var roll = random.NextDouble();
        if (roll < 0.6)
        {
            var width = 10 + (random.NextDouble() * 400);
            var height = 10 + (random.NextDouble() * 300);
            var box = new BoundingBox(Math.Round(random.NextDouble() * (ImageWidth - width), 2), Math.Round(random.NextDouble() * (ImageHeight - height), 2), Math.Round(width, 2), Math.Round(height, 2));
            ValueList<Classification> nested = random.Next(2) == 0
                ? [new Classification("c-car-kind", new RadioAnswer(new SelectedOption(random.Next(3) switch { 0 => "o-sedan", 1 => "o-truck", _ => "o-van" })))]
                : ValueList<Classification>.Empty;
            return (dataRow, new Annotation(uuid, "c-car", box, nested, AnnotationSource.Prelabel, confidence));
        }

        if (roll < 0.8)
        {
            return (dataRow, new Annotation(uuid, "c-road", Polygon(random), ValueList<Classification>.Empty, AnnotationSource.Prelabel, confidence));
        }

        if (random.Next(2) == 0)
        {
            var urban = random.Next(2) == 0;
            var inner = urban
                ? new Classification("c-density", new RadioAnswer(new SelectedOption(random.Next(2) == 0 ? "o-low" : "o-high")))
                : new Classification("c-terrain", new RadioAnswer(new SelectedOption(random.Next(2) == 0 ? "o-flat" : "o-hilly")));
            return (dataRow, new Annotation(uuid, "c-scene", new RadioAnswer(new SelectedOption(urban ? "o-urban" : "o-rural", [inner])), AnnotationSource.Prelabel, confidence));
        }

        string[] options = ["blur", "glare", "crop"];
        var chosen = options.Where(_ => random.Next(2) == 0).DefaultIfEmpty(options[random.Next(3)])
            .Select(o => new SelectedOption($"o-{o}", [new Classification($"c-{o}-note", new TextAnswer($"{o} near frame edge, severity {random.Next(1, 6)}"))]))
            .ToValueList();
        return (dataRow, new Annotation(uuid, "c-issues", new ChecklistAnswer(chosen), AnnotationSource.Prelabel, confidence));
    }

    /// <summary>8–64 vertices at increasing angles around a centre, coordinates rounded to 0.1 px.</summary>
    private static PolygonGeometry Polygon(Random random)
    {
        var count = random.Next(8, 65);
        double cx = 600 + (random.NextDouble() * (ImageWidth - 1200)), cy = 600 + (random.NextDouble() * (ImageHeight - 1200));
        var points = ImmutableArray.CreateBuilder<PixelPoint>(count);
        for (var i = 0; i < count; i++)
        {
            var angle = 2 * Math.PI * (i + (random.NextDouble() * 0.8)) / count;
            var radius = 50 + (random.NextDouble() * 500);
            points.Add(new PixelPoint(Math.Round(cx + (radius * Math.Cos(angle)), 1), Math.Round(cy + (radius * Math.Sin(angle)), 1)));
        }

        return new PolygonGeometry(ValueList.Wrap(points.MoveToImmutable()));
    }
}
