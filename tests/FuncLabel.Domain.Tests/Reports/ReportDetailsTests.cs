using FuncLabel.Domain.Annotations;
using FuncLabel.Domain.Collections;
using FuncLabel.Domain.Geometry;
using FuncLabel.Domain.Reports;
using FuncLabel.Domain.Scoring;

namespace FuncLabel.Domain.Tests.Reports;

public sealed class ReportDetailsTests
{
    [Fact]
    public void Feedback_RoundTripsCountsPerClass()
    {
        var details = ReportDetails.Feedback(
        [
            ("car", FeedbackReason.LowOverlap), ("car", FeedbackReason.Missing), ("car", FeedbackReason.Missing), ("person", FeedbackReason.WrongClass),
        ]);

        Assert.Equal("missing=2,low_overlap=1", details["feedback.car"]);
        Assert.Equal("wrong_class=1", details["feedback.person"]);
        Assert.Equal([(FeedbackReason.Missing, 2), (FeedbackReason.LowOverlap, 1)], ReportDetails.ReadFeedback(details["feedback.car"]));
        Assert.Empty(ReportDetails.ReadFeedback("unknown=3,missing=x"));
    }

    [Fact]
    public void PrelabelEdits_CountsUnchangedEditedAndDeletedByUuid()
    {
        var kept = Point(1, 0);
        var moved = Point(2, 0);
        var dropped = Point(3, 0);
        var model = new[] { kept with { Source = AnnotationSource.Model, Confidence = 0.7 }, moved with { Source = AnnotationSource.Model }, dropped with { Source = AnnotationSource.Model } };
        var submitted = new[] { kept, Point(2, 5), Point(4, 0) };

        var edits = PrelabelEdits.Of(model, submitted);

        Assert.Equal(new PrelabelEdits(Offered: 3, Unchanged: 1, Edited: 1), edits);
        Assert.Equal(1, edits.Deleted);
    }

    private static Annotation Point(int id, double shift) =>
        new(new Guid(id, 0, 0, new byte[8]), "car", new PointGeometry(10 + shift, 10), ValueList<Classification>.Empty, AnnotationSource.Human);
}
