using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Queues;

namespace FuncLabel.LocalHost.Tests;

/// <summary>Small pieces of the trigger machinery: output path expressions, the polling back-off and queue message decoding.</summary>
public sealed class QueuePrimitivesTests
{
    [Fact]
    public void BindingExpression_ResolvesDataAndReportsUnknown()
    {
        var data = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Id"] = "42", ["key"] = "k" };

        Assert.Equal("c/k/42.txt", BindingExpression.Resolve("c/{KEY}/{id}.txt", "F", data, DateTimeOffset.UnixEpoch, out _));
        Assert.Null(BindingExpression.Resolve("c/{nope}", "F", data, DateTimeOffset.UnixEpoch, out var unknown));
        Assert.Equal("nope", unknown);
    }

    [Fact]
    public void PollingBackoff_GrowsToMaximumAndResets()
    {
        var backoff = new PollingBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(1));

        var waits = Enumerable.Range(0, 12).Select(_ => backoff.Next()).ToList();
        backoff.Reset();

        Assert.All(waits.Zip(waits.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(TimeSpan.FromSeconds(2), waits[^1]);
        Assert.InRange(waits[0].TotalMilliseconds, 180, 220); // 100 + 100 × [0.8, 1.2)
        Assert.Equal(TimeSpan.FromMilliseconds(100), backoff.Current);
    }

    [Fact]
    public void QueueWireText_Base64_RejectsNonBase64()
    {
        Assert.Null(QueueWireText.Decode("{not base64}", base64: true));
        Assert.Equal("hi"u8.ToArray(), QueueWireText.Decode("aGk=", base64: true));
        Assert.Equal("{plain}"u8.ToArray(), QueueWireText.Decode("{plain}", base64: false));
    }
}
