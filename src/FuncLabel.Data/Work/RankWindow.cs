namespace FuncLabel.Data.Work;

/// <summary>
/// A range [<see cref="From"/>, <see cref="To"/>) of work item claim orders (<see cref="WorkItemDocument.ClaimOrder"/>) a claim
/// looks in. Claims start with a narrow window at a random place and widen it while it holds nothing claimable, so
/// concurrent claimers read different items while there are many, and the last items are still found.
/// </summary>
internal sealed record RankWindow(double From, double To)
{
    /// <summary>Every rank (the last resort: answers "nothing claimable" when it holds nothing).</summary>
    public static RankWindow All { get; } = new(0, 2);

    /// <summary>
    /// The widths tried in turn: 1/16 and 1/4 of the rank space, then <see cref="All"/>. Few steps, because "nothing
    /// claimable" costs one query per step (and the local server scans the partition for each).
    /// </summary>
    public static IReadOnlyList<double> Widths { get; } = [1.0 / 16, 1.0 / 4, 1];

    /// <summary>A window of <paramref name="width"/> placed at <paramref name="position"/> (in [0, 1)) of the space left free by the width.</summary>
    public static RankWindow At(double width, double position)
    {
        if (width >= 1)
        {
            return All;
        }

        double from = position * (1 - width);
        return new RankWindow(from, from + width);
    }
}
