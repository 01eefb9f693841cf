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

public sealed class BlobEventParserTests
{
    private const string Event = """
        {"topic":"/subscriptions/x/resourceGroups/local/providers/Microsoft.Storage/storageAccounts/devstoreaccount1",
         "subject":"/blobServices/default/containers/assets/blobs/p1/images/a b/cat.png",
         "eventType":"Microsoft.Storage.BlobCreated","eventTime":"2026-11-24T10:00:00.1234567Z","id":"e-1",
         "data":{"api":"PutBlob","eTag":"0x8DD1","contentType":"image/png","contentLength":1234,"blobType":"BlockBlob",
                 "url":"http://127.0.0.1:10000/devstoreaccount1/assets/p1/images/a b/cat.png"},
         "dataVersion":"","metadataVersion":"1"}
        """;

    [Fact]
    public void Parse_PlainJsonBase64AndArrays_GiveTheSameEvent()
    {
        var expected = new BlobCreatedEvent("e-1", "assets", "p1/images/a b/cat.png", "0x8DD1", 1234, new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567));
        var plain = Encoding.UTF8.GetBytes(Event);
        foreach (var message in new[] { plain, Encoding.UTF8.GetBytes(Convert.ToBase64String(plain)), Encoding.UTF8.GetBytes($"[{Event}]"), Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes($"[{Event},{Event}]"))) })
        {
            var batch = BlobEventParser.Parse(message);
            Assert.Empty(batch.Problems);
            Assert.All(batch.Events, e => Assert.Equal(expected, e));
            Assert.NotEmpty(batch.Events);
        }
    }

    [Theory]
    [InlineData("not json at all!", BlobEventProblem.NotJson)]
    [InlineData("{\"hello\":1}", BlobEventProblem.NotAnEvent)]
    [InlineData("{\"id\":\"1\",\"subject\":\"/blobServices/default/containers/assets/blobs/p/x\",\"eventType\":\"Microsoft.Storage.BlobDeleted\"}", BlobEventProblem.OtherEventType)]
    [InlineData("{\"id\":\"1\",\"subject\":\"/elsewhere\",\"eventType\":\"Microsoft.Storage.BlobCreated\"}", BlobEventProblem.BadSubject)]
    public void Parse_UnusableMessages_AreProblemsNotExceptions(string message, BlobEventProblem problem)
    {
        var batch = BlobEventParser.Parse(Encoding.UTF8.GetBytes(message));
        Assert.Empty(batch.Events);
        Assert.Equal([problem], batch.Problems);
    }

    [Theory]
    [InlineData("p1/cat.png", "p1", "cat.png")]
    [InlineData("p1/a/b/c.txt", "p1", "a/b/c.txt")]
    public void AssetPath_FirstSegmentIsTheProject(string blobName, string project, string path) =>
        Assert.Equal(new AssetPath(project, path), AssetPath.FromBlobName(blobName));

    [Theory]
    [InlineData("a/../b", false)]
    [InlineData("a//b", false)]
    [InlineData("a\\b", false)]
    [InlineData("./a", false)]
    [InlineData("a/b.png", true)]
    [InlineData("ü/名前.jpg", true)]
    public void AssetPath_IsValidPath(string path, bool valid) => Assert.Equal(valid, AssetPath.IsValidPath(path));

    [Fact]
    public void HashedIds_AreStablePathSafeAndDistinct()
    {
        var a = HashedIds.AssetId("proj-a", "images/cat.png");
        Assert.Equal(a, HashedIds.AssetId("proj-a", "images/cat.png"));
        Assert.NotEqual(a, HashedIds.AssetId("proj-a", "images/cat.PNG"));
        Assert.NotEqual(a, HashedIds.AssetId("proj-b", "images/cat.png")); // labels partitions never mix projects
        Assert.Equal(HashedIds.Length, a.Length);
        Assert.DoesNotContain('/', a);
        Assert.DoesNotContain('+', a);
    }
}
