using FuncLabel.Domain.Reports.Html;

namespace FuncLabel.Domain.Tests.Reports.Html;

public sealed class ChartScaleTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.7, 1.0)]
    [InlineData(1.2, 2.0)]
    [InlineData(21.0, 25.0)]
    [InlineData(84.5, 100.0)]
    [InlineData(100.0, 100.0)]
    [InlineData(3100.0, 5000.0)]
    public void For_RoundsTheLargestValueUpToANiceMaximum(double largest, double expectedMax)
    {
        var scale = ChartScale.For([largest / 2, largest]);
        Assert.Equal(expectedMax, scale.Max);
        Assert.Equal([0, expectedMax / 4, expectedMax / 2, 3 * expectedMax / 4, expectedMax], scale.Ticks);
    }

    [Theory]
    [InlineData(0, 4)]
    [InlineData(2, 4)]
    [InlineData(5, 8)]
    [InlineData(10, 12)]
    [InlineData(37, 40)]
    public void For_CountsHaveWholeTicks(int largest, double expectedMax)
    {
        var scale = ChartScale.For([largest], integers: true);
        Assert.Equal(expectedMax, scale.Max);
        Assert.All(scale.Ticks, tick => Assert.Equal(Math.Round(tick), tick));
    }

    [Fact]
    public void For_FixedMaximumKeptWhenTheDataFits() => Assert.Equal(100, ChartScale.For([84.5], fixedMax: 100).Max);

    [Fact]
    public void For_FixedMaximumGrowsWhenTheDataExceedsIt() => Assert.Equal(2, ChartScale.For([1.5], fixedMax: 1).Max);
}
