using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Ontologies;
using FuncLabel.Domain.Tests.Support;

namespace FuncLabel.Domain.Tests.Ontologies;

public sealed class OntologyBuilderTests
{
    [Fact]
    public void Build_MissingIds_AreDerivedDeterministically()
    {
        var draft = new OntologyDraft([new(null, "car", Tool.Bbox, Classifications: [new(null, "color", Tool.Radio, Options: [new(null, "red")])])]);

        var first = OntologyBuilder.Build(draft, null).Ontology!;
        var second = OntologyBuilder.Build(draft, null).Ontology!;

        Assert.Equal(first, second);
        Assert.Equal(SchemaIds.Derive(string.Empty, "class:Bbox", "car"), first.Classes[0].SchemaId);
        Assert.Equal(25, first.Classes[0].SchemaId.Length);
        Assert.Equal(1, first.Version);
    }

    [Fact]
    public void Build_SameContent_KeepsTheVersion()
    {
        var result = OntologyBuilder.Build(TestOntology.Draft, TestOntology.Instance);

        Assert.False(result.Changed);
        Assert.Same(TestOntology.Instance, result.Ontology);
    }

    [Fact]
    public void Build_Rename_KeepsTheIdAndBumpsTheVersion()
    {
        var v1 = OntologyBuilder.Build(new OntologyDraft([new(null, "car", Tool.Bbox)]), null).Ontology!;
        var v2 = OntologyBuilder.Build(new OntologyDraft([new(v1.Classes[0].SchemaId, "automobile", Tool.Bbox)]), v1).Ontology!;

        Assert.Equal(2, v2.Version);
        var diff = OntologyDiff.Between(v1, v2);
        Assert.Equal([new OntologyRename(v1.Classes[0].SchemaId, "car", "automobile")], diff.Renamed);
        Assert.Empty(diff.Removed);
    }

    [Fact]
    public void Build_DraftWithoutIds_ReusesPreviousIdsByName()
    {
        var v1 = OntologyBuilder.Build(new OntologyDraft([new("explicit-id", "car", Tool.Bbox)]), null).Ontology!;

        var v2 = OntologyBuilder.Build(new OntologyDraft([new(null, "car", Tool.Bbox, AutoAcceptAt: 0.8)]), v1).Ontology!;

        Assert.Equal("explicit-id", v2.Classes[0].SchemaId);
        Assert.Equal(new ConfidenceThresholds(0.8, 0), v2.ThresholdsFor(v2.Classes[0]));
    }

    [Theory]
    [InlineData(OntologyErrorKind.DuplicateName, "classes[1].name")]
    [InlineData(OntologyErrorKind.DuplicateSchemaId, "classes[1].schemaId")]
    [InlineData(OntologyErrorKind.OptionsMismatch, "classes[0].options")]
    [InlineData(OntologyErrorKind.NestedToolNotAllowed, "classes[0].classifications[0].tool")]
    [InlineData(OntologyErrorKind.InvalidThresholds, "classes[0]")]
    [InlineData(OntologyErrorKind.ThresholdsOnNested, "classes[0].classifications[0]")]
    [InlineData(OntologyErrorKind.EmptyName, "classes[0].name")]
    public void Build_InvalidDraft_IsRefusedWithPath(OntologyErrorKind kind, string path)
    {
        OntologyClassDraft[] classes = kind switch
        {
            OntologyErrorKind.DuplicateName => [new(null, "car", Tool.Bbox), new(null, "car", Tool.Polygon)],
            OntologyErrorKind.DuplicateSchemaId => [new("x", "car", Tool.Bbox), new("x", "road", Tool.Polygon)],
            OntologyErrorKind.OptionsMismatch => [new(null, "weather", Tool.Radio)],
            OntologyErrorKind.NestedToolNotAllowed => [new(null, "car", Tool.Bbox, Classifications: [new(null, "wheel", Tool.Point)])],
            OntologyErrorKind.InvalidThresholds => [new(null, "car", Tool.Bbox, AutoAcceptAt: 0.3, DropBelow: 0.5)],
            OntologyErrorKind.ThresholdsOnNested => [new(null, "car", Tool.Bbox, Classifications: [new(null, "note", Tool.Text, AutoAcceptAt: 0.5)])],
            _ => [new(null, " ", Tool.Bbox)],
        };

        var result = OntologyBuilder.Build(new OntologyDraft(classes), null);

        Assert.Null(result.Ontology);
        Assert.Contains(result.Errors, e => e.Kind == kind && e.Path == path);
    }

    [Fact]
    public void Diff_RemovedClassInUse_IsBreaking()
    {
        var v2Draft = TestOntology.Draft with { Classes = [.. TestOntology.Draft.Classes.Where(c => c.Name != "eye")] };
        var v2 = OntologyBuilder.Build(v2Draft, TestOntology.Instance).Ontology!;
        var label = new Label("u1", "asset", new string('a', 64), 1, [new Annotation(Guid.NewGuid(), "eye", new FuncLabel.Domain.Geometry.PointGeometry(1, 1), [], AnnotationSource.Human)]);

        var diff = OntologyDiff.Between(TestOntology.Instance, v2);

        Assert.Equal(["eye"], diff.Removed);
        Assert.Equal(["eye"], diff.BreakingFor(label.UsedSchemaIds()));
        Assert.Empty(diff.BreakingFor(["car"]));
    }

    [Theory]
    [InlineData(null, ConfidenceRoute.Prelabel)]
    [InlineData(0.95, ConfidenceRoute.Accept)]
    [InlineData(0.9, ConfidenceRoute.Accept)]
    [InlineData(0.5, ConfidenceRoute.Prelabel)]
    [InlineData(0.2, ConfidenceRoute.Prelabel)]
    [InlineData(0.19, ConfidenceRoute.Drop)]
    public void ThresholdsFor_ClassOverride_Routes(double? confidence, ConfidenceRoute route)
    {
        var car = TestOntology.Instance.FindByName("car")!;

        Assert.Equal(route, TestOntology.Instance.ThresholdsFor(car).Route(confidence));
    }
}
