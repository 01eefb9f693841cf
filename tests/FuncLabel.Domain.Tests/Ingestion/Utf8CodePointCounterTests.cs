using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Domain.Tests.Ingestion;

public sealed class Utf8CodePointCounterTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("h\u00e9llo", 5)]
    [InlineData("\u65e5\u672c\u8a9e", 3)]
    [InlineData("a\U0001F600b", 3)] // one code point outside the BMP (a surrogate pair in UTF-16)
    [InlineData("\ufeffabc", 3)] // a leading BOM is not counted
    [InlineData("a\ufeff", 2)] // elsewhere it is a character
    public void Append_CountsCodePoints(string text, long expected)
    {
        var counter = new Utf8CodePointCounter();
        counter.Append(Encoding.UTF8.GetBytes(text));
        Assert.True(counter.IsCompleteAndValid);
        Assert.Equal(expected, counter.CodePoints);
    }

    [Fact]
    public void Append_AnySplitOfAnyText_CountsLikeTheRuneCount()
    {
        var texts = ArbMap.Default.GeneratorFor<string>().Where(s => s is not null);
        Prop.ForAll(Arb.From(texts), Arb.From(Gen.Choose(1, 7)), (text, chunkSize) =>
        {
            var valid = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)); // lone surrogates become U+FFFD
            var bytes = Encoding.UTF8.GetBytes("x" + valid);
            var counter = new Utf8CodePointCounter();
            for (var i = 0; i < bytes.Length; i += chunkSize)
            {
                counter.Append(bytes.AsSpan(i, Math.Min(chunkSize, bytes.Length - i)));
            }

            return counter.IsCompleteAndValid && counter.CodePoints == ("x" + valid).EnumerateRunes().Count();
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xC3 })] // truncated at the end
    [InlineData(new byte[] { 0x61, 0x80 })] // a lone continuation byte
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })] // an encoded surrogate
    [InlineData(new byte[] { 0xC0, 0xAF })] // an overlong encoding
    [InlineData(new byte[] { 0xEF, 0xBB })] // a cut byte-order mark
    public void Append_InvalidUtf8_IsNotValid(byte[] bytes)
    {
        var counter = new Utf8CodePointCounter();
        foreach (var b in bytes)
        {
            counter.Append([b]);
        }

        Assert.False(counter.IsCompleteAndValid);
    }
}
