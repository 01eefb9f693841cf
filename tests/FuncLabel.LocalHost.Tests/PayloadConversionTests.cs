using System.Text;
using System.Text.Json.Nodes;
using FuncLabel.LocalHost.Invocation;
using FuncLabel.LocalHost.Queues;

namespace FuncLabel.LocalHost.Tests;

/// <summary>The host's value conversions (docs/local-host.md, Invocation payload, Handler response and outputs) and the polling back-off.</summary>
public sealed class PayloadConversionTests
{
    [Fact]
    public void PayloadValue_Scalars_DoubleEncodedLikeTheHost()
    {
        Assert.Equal("\"abc\"", PayloadValue.Text("abc").GetValue<string>());
        Assert.Equal("\"ü\"", PayloadValue.Text("ü").GetValue<string>());
        Assert.Equal("1", PayloadValue.Number(1).GetValue<string>());
        Assert.Equal("2024-01-01T10:00:00+00:00", PayloadValue.Iso(new DateTimeOffset(2024, 1, 1, 10, 0, 0, 123, TimeSpan.Zero)));
        Assert.Equal("aGk=", PayloadValue.Bytes("hi"u8).GetValue<string>());
    }

    [Fact]
    public void OutputValue_Base64Rule_DecodesValidBase64Only()
    {
        Assert.Equal("hello", Encoding.UTF8.GetString(OutputValue.Bytes(JsonValue.Create("aGVsbG8="), binary: false)));
        Assert.Equal("not base64!", Encoding.UTF8.GetString(OutputValue.Bytes(JsonValue.Create("not base64!"), binary: false)));
        Assert.Equal("aGVsbG8=", Encoding.UTF8.GetString(OutputValue.Bytes(JsonValue.Create("aGVsbG8="), binary: true)));
        Assert.Equal("""{"a":1}""", Encoding.UTF8.GetString(OutputValue.Bytes(new JsonObject { ["a"] = 1 }, binary: false)));
        Assert.Equal(["x", "aGVsbG8="], OutputValue.Messages(new JsonArray("x", "aGVsbG8="), binary: false).Select(Encoding.UTF8.GetString));
    }

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
