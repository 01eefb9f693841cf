using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Geometry;
using static FuncLabel.Domain.Tests.Scoring.ScoringSamples;

namespace FuncLabel.Domain.Tests.Consensus;

/// <summary>Hand-computed merges.</summary>
public sealed class PassMergeTests
{
    private static readonly AssetExtent Image = AssetExtent.Image(1000, 1000);

    private static PassLabel Pass(int pass, params Annotation[] annotations) =>
        new(pass, new Label("u" + pass, "a", "v", 1, annotations.ToValueList()));

    [Fact]
    public void Of_ThreeBoxes_EdgesAveraged_ProvenanceKept()
    {
        var result = PassMerge.Of("a", "v", [Pass(1, Box(1, "car", 0, 0, 10, 10)), Pass(2, Box(2, "car", 1, 1, 10, 10)), Pass(3, Box(3, "car", 2, 2, 10, 10))], [], Image);
        var merged = Assert.Single(result.Instances);
        Assert.Equal(new BoundingBox(1, 1, 10, 10), merged.Annotation.Geometry);
        Assert.Equal([1, 2, 3], merged.Passes);
        Assert.Equal(AnnotationSource.Consensus, merged.Annotation.Source);
        Assert.Equal(Id(1), merged.Annotation.Uuid);

        // IoU(0,0)-(1,1) = 81/119, (1,1)-(2,2) = 81/119, (0,0)-(2,2) = 64/136.
        Assert.Equal(((81.0 / 119) + (81.0 / 119) + (64.0 / 136)) / 3, merged.MeanSimilarity, 12);
    }

    [Fact]
    public void Of_InstanceInOneOfThreePasses_DroppedByQuorum_KeptWithLowerQuorum()
    {
        Annotation[] common = [Box(1, "car", 0, 0, 10, 10)];
        PassLabel[] passes = [Pass(1, [.. common, Box(9, "car", 500, 500, 10, 10)]), Pass(2, common), Pass(3, common)];
        var result = PassMerge.Of("a", "v", passes, [], Image);
        Assert.Single(result.Instances);
        Assert.Equal(1, result.Dropped);
        Assert.Equal(2, PassMerge.Of("a", "v", passes, [], Image, new ConsensusOptions { Quorum = 0.3 }).Instances.Count);
    }

    [Fact]
    public void Of_TwoOfFour_NotMoreThanHalf_Dropped()
    {
        var result = PassMerge.Of("a", "v", [Pass(1, Box(1, "car", 0, 0, 10, 10)), Pass(2, Box(2, "car", 0, 0, 10, 10)), Pass(3), Pass(4)], [], Image);
        Assert.Empty(result.Instances);
    }

    [Fact]
    public void Of_DifferentClassesNeverCluster()
    {
        var result = PassMerge.Of("a", "v", [Pass(1, Box(1, "car", 0, 0, 10, 10)), Pass(2, Box(2, "bus", 0, 0, 10, 10)), Pass(3, Box(3, "car", 0, 0, 10, 10))], [], Image);
        var merged = Assert.Single(result.Instances);
        Assert.Equal("car", merged.Annotation.SchemaId);
        Assert.Equal([1, 3], merged.Passes);
    }

    [Fact]
    public void Of_BelowMatchThreshold_SeparateClusters()
    {
        // IoU of (0,0,10,10) and (6,0,10,10) = 40/160 = 0.25 < 0.4: two clusters with one vote each of two passes.
        var result = PassMerge.Of("a", "v", [Pass(1, Box(1, "car", 0, 0, 10, 10)), Pass(2, Box(2, "car", 6, 0, 10, 10))], [], Image);
        Assert.Empty(result.Instances);
        Assert.Equal(2, result.Dropped);
    }

    [Fact]
    public void Of_Points_Averaged_Polygons_Medoid()
    {
        var square = (int id, double dx) => Polygon(id, "roof", (0 + dx, 0), (100 + dx, 0), (100 + dx, 100), (0 + dx, 100));
        var result = PassMerge.Of("a", "v",
            [Pass(1, Point(1, "eye", 10, 10), square(11, 0)), Pass(2, Point(2, "eye", 12, 10), square(12, 10)), Pass(3, Point(3, "eye", 11, 13), square(13, 20))], [], Image);
        Assert.Equal(new PointGeometry(11, 11), result.Instances.Single(i => i.Annotation.SchemaId == "eye").Annotation.Geometry);

        // The middle square overlaps both others most: it is the medoid.
        Assert.Equal(square(12, 10).Geometry, result.Instances.Single(i => i.Annotation.SchemaId == "roof").Annotation.Geometry);
    }

    [Fact]
    public void Of_ClassificationsAndAttributes_ByVote()
    {
        var red = new RadioAnswer(new SelectedOption("red"));
        var blue = new RadioAnswer(new SelectedOption("blue"));
        var result = PassMerge.Of("a", "v",
            [
                Pass(1, Answer(1, "weather", new RadioAnswer(new SelectedOption("sunny"))), Box(11, "car", 0, 0, 10, 10, Attribute("color", red))),
                Pass(2, Answer(2, "weather", new RadioAnswer(new SelectedOption("rain"))), Box(12, "car", 0, 0, 10, 10, Attribute("color", blue))),
                Pass(3, Answer(3, "weather", new RadioAnswer(new SelectedOption("rain"))), Box(13, "car", 0, 0, 10, 10, Attribute("color", blue))),
            ],
            [],
            Image);
        var weather = result.Instances.Single(i => i.Annotation.SchemaId == "weather");
        Assert.Equal("rain", ((RadioAnswer)weather.Annotation.Answer!).Option.SchemaId);
        Assert.Equal([2, 3], weather.Passes);
        var car = result.Instances.Single(i => i.Annotation.SchemaId == "car");
        Assert.Equal(blue, Assert.Single(car.Annotation.Classifications).Answer);
    }

    [Fact]
    public void Of_OnePass_IsThatPass_NoAgreement()
    {
        Annotation[] annotations = [Box(1, "car", 0, 0, 10, 10), Polygon(2, "roof", (0, 0), (5, 0), (5, 5))];
        var result = PassMerge.Of("a", "v", [Pass(1, annotations)], [], Image);
        Assert.Equal(annotations.Select(a => a with { Source = AnnotationSource.Consensus }), result.Label.Annotations);
        Assert.Null(result.Agreement);
    }

    [Fact]
    public void Of_AutoAcceptedCarriedIn_EchoesIgnored()
    {
        var model = Box(7, "car", 300, 300, 20, 20) with { Source = AnnotationSource.Model, Confidence = 0.99 };
        var result = PassMerge.Of("a", "v", [Pass(1, model), Pass(2, model), Pass(3)], [model], Image);
        var carried = Assert.Single(result.Instances);
        Assert.Equal(model, carried.Annotation);
        Assert.Empty(carried.Passes);
        Assert.Equal(100, result.Agreement);
    }

    [Fact]
    public void Of_Agreement_MeanPairwise()
    {
        var result = PassMerge.Of("a", "v", [Pass(1, Box(1, "car", 0, 0, 10, 10)), Pass(2, Box(2, "car", 0, 0, 10, 10)), Pass(3)], [], Image);

        // Pairs: (1,2) agree fully = 100; (1,3) and (2,3): one missing of one = 0. Mean = 100/3.
        Assert.Equal(100.0 / 3, result.Agreement!.Value, 9);
    }
}
