using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Consensus;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Reports;

namespace FuncLabel.Domain.Tests.Reports;

public sealed class PassAgreementTests
{
    private static readonly AssetExtent Image1000 = AssetExtent.Image(1000, 1000);

    [Fact]
    public void Of_PassEqualToConsensus_Is100_PassMissingHalf_Is50_AcceptedInstancesLeftOut()
    {
        var accepted = Box(9, 500, 500);
        var consensus = Label("consensus", Box(1, 0, 0), Box(2, 100, 100), accepted);
        PassLabel[] passes =
        [
            new(2, Label("bob", Box(3, 0, 0))),
            new(1, Label("ann", Box(4, 0, 0), Box(5, 100, 100))),
        ];

        var agreements = PassAgreement.Of(consensus, passes, [accepted], Image1000);

        // Pass 1 has both consensus boxes (the auto-accepted one is left out of both sides, so it costs nothing);
        // pass 2 has one of the two, which is exactly Agreement.OfLabels of it against the consensus without that box.
        Assert.Equal([1, 2], agreements.Select(a => a.Pass));
        Assert.Equal(100.0, agreements[0].Agreement);
        Assert.Equal(FuncLabel.Domain.Scoring.Agreement.OfLabels(Label("bob", Box(3, 0, 0)), Label("c", Box(1, 0, 0), Box(2, 100, 100)), Image1000), agreements[1].Agreement);
        Assert.True(agreements[1].Agreement < 100);
    }

    private static Label Label(string author, params Annotation[] annotations) => new(author, "asset", "v1", 1, annotations.ToValueList());

    private static Annotation Box(int id, double left, double top) =>
        new(new Guid(id, 0, 0, new byte[8]), "car", new BoundingBox(left, top, 10, 10), ValueList<Classification>.Empty, AnnotationSource.Human);
}
