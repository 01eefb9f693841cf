using System.Text;
using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Ingestion;
using FuncLabel.Domain.Ontologies;

namespace FuncLabel.Domain.Tests.Ingestion;

public sealed class PrelabelRoutingTests
{
    private static readonly Ontology Ontology = OntologyBuilder.Build(
        new OntologyDraft(
            [
                new OntologyClassDraft("car", "Car", Tool.Bbox, AutoAcceptAt: 0.9, DropBelow: 0.3),
                new OntologyClassDraft("person", "Person", Tool.Bbox),
                new OntologyClassDraft("tree", "Tree", Tool.Bbox, AutoAcceptAt: null, DropBelow: 0.5),
            ],
            AutoAcceptAt: 0.8,
            DropBelow: 0.1),
        null).Ontology!;

    [Theory]
    [InlineData("car", 0.9, ConfidenceRoute.Accept)] // boundary: autoAcceptAt itself is accepted
    [InlineData("car", 0.8999999, ConfidenceRoute.Prelabel)]
    [InlineData("car", 0.3, ConfidenceRoute.Prelabel)] // boundary: dropBelow itself is kept
    [InlineData("car", 0.2999999, ConfidenceRoute.Drop)]
    [InlineData("car", 1.0, ConfidenceRoute.Accept)]
    [InlineData("car", 0.0, ConfidenceRoute.Drop)]
    [InlineData("car", null, ConfidenceRoute.Prelabel)] // no confidence → pre-label
    [InlineData("person", 0.8, ConfidenceRoute.Accept)] // project defaults
    [InlineData("person", 0.7999, ConfidenceRoute.Prelabel)]
    [InlineData("person", 0.1, ConfidenceRoute.Prelabel)]
    [InlineData("person", 0.0999, ConfidenceRoute.Drop)]
    [InlineData("tree", 1.0, ConfidenceRoute.Prelabel)] // own thresholds without auto-accept: never accepted
    [InlineData("tree", 0.4999, ConfidenceRoute.Drop)]
    public void Route_UsesTheClassThresholdsWithInclusiveLowerBounds(string schemaId, double? confidence, ConfidenceRoute expected)
    {
        var annotation = new Annotation(Guid.NewGuid(), schemaId, new BoundingBox(1, 1, 2, 2), ValueList<Classification>.Empty, AnnotationSource.Prelabel, confidence);
        Assert.Equal(expected, PrelabelRouting.Route(Ontology, annotation));
    }

    [Fact]
    public void Tally_CountsEachLineInExactlyOneBand()
    {
        var tally = new ImportTally();
        tally.Reject("invalid_json");
        tally.Reject("invalid_json");
        tally.Reject("unknown_class");
        tally.Keep(ConfidenceRoute.Accept, pending: false);
        tally.Keep(ConfidenceRoute.Prelabel, pending: false);
        tally.Keep(ConfidenceRoute.Drop, pending: true); // dropped wins over pending: nothing is kept
        tally.Keep(ConfidenceRoute.Accept, pending: true);
        var counts = tally.Snapshot();
        Assert.Equal((7L, 1L, 1L, 1L, 3L, 1L), (counts.Lines, counts.Accepted, counts.ToReview, counts.Dropped, counts.Rejected, counts.Pending));
        Assert.Equal(2, counts.Reasons["invalid_json"]);
    }
}
