using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Tests.Support;

/// <summary>
/// One ontology with a class per tool and nested questions two levels deep, with readable schema ids, shared by the
/// NDJSON and export tests.
/// </summary>
internal static class TestOntology
{
    public const string ProjectId = "proj1";

    public static OntologyDraft Draft { get; } = new(
        [
            new("car", "car", Tool.Bbox,
                Classifications:
                [
                    new("car-color", "color", Tool.Radio, Options:
                    [
                        new("car-color-red", "red"),
                        new("car-color-blue", "blue", [new("car-color-blue-shade", "shade", Tool.Text)]),
                    ]),
                    new("car-occluded", "occluded", Tool.Checklist, Options: [new("car-occluded-front", "front"), new("car-occluded-back", "back")]),
                ],
                AutoAcceptAt: 0.9,
                DropBelow: 0.2),
            new("road", "road", Tool.Polygon),
            new("eye", "eye", Tool.Point),
            new("lane", "lane", Tool.Polyline),
            new("sky", "sky", Tool.Mask),
            new("person", "person", Tool.Entity),
            new("weather", "weather", Tool.Radio, Options:
            [
                new("weather-sunny", "sunny"),
                new("weather-rainy", "rainy", [new("weather-rainy-intensity", "intensity", Tool.Radio, Options: [new("intensity-light", "light"), new("intensity-heavy", "heavy")])]),
            ]),
            new("tags", "tags", Tool.Checklist, Options: [new("tag-a", "a"), new("tag-b", "b"), new("tag-c", "c")]),
            new("caption", "caption", Tool.Text),
        ],
        AutoAcceptAt: 0.95,
        DropBelow: 0.1);

    /// <summary>Declared after <see cref="Draft"/>: static initializers run in text order.</summary>
    public static Ontology Instance { get; } = Build();

    private static Ontology Build()
    {
        var result = OntologyBuilder.Build(Draft, previous: null);
        return result.Ontology ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }
}
