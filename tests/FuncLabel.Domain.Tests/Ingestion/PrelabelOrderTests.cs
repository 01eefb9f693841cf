using FuncLabel.Domain.Ingestion;

namespace FuncLabel.Domain.Tests.Ingestion;

public sealed class PrelabelOrderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ForLine_LaterFile_WinsWhateverItsETagAndLine()
    {
        var older = PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(Noon, "\"0xFFFFFFFF\""), 999_999);
        var newer = PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(Noon.AddSeconds(1), "\"0x0\""), 1);
        Assert.True(PrelabelOrder.MayReplace(newer, older));
        Assert.False(PrelabelOrder.MayReplace(older, newer));
    }

    [Fact]
    public void ForLine_SameFile_LaterLineWinsAndEqualKeysMayRewrite()
    {
        var prefix = PrelabelOrder.ImportPrefix(Noon, "\"0x8DC1\"");
        Assert.True(PrelabelOrder.MayReplace(PrelabelOrder.ForLine(prefix, 10), PrelabelOrder.ForLine(prefix, 9)));
        Assert.False(PrelabelOrder.MayReplace(PrelabelOrder.ForLine(prefix, 9), PrelabelOrder.ForLine(prefix, 10)));
        Assert.True(PrelabelOrder.MayReplace(PrelabelOrder.ForLine(prefix, 9), PrelabelOrder.ForLine(prefix, 9)));
    }

    [Fact]
    public void ImportPrefix_SameSecondDifferentFiles_OneConsistentWinner()
    {
        var a = PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(Noon, "\"0xA\""), 1);
        var b = PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(Noon, "\"0xB\""), 1);
        Assert.NotEqual(PrelabelOrder.MayReplace(a, b), PrelabelOrder.MayReplace(b, a));
    }

    [Fact]
    public void ImportPrefix_AnyETag_GivesAKeySafeInAQueryLiteral()
    {
        foreach (var etag in new[] { "\"0x8DC1234ABCD5678\"", "W/\"a'b\"", "", "'; DROP --", new string('x', 500) })
        {
            var key = PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(Noon, etag), 3);
            Assert.True(PrelabelOrder.IsLiteralSafe(key), key);
        }

        Assert.False(PrelabelOrder.IsLiteralSafe("1.a'b"));
    }

    [Fact]
    public void MayReplace_DocumentWithoutKey_IsOlderThanAnyKey()
    {
        Assert.True(PrelabelOrder.MayReplace(PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(DateTimeOffset.UnixEpoch, "e"), 0), null));
        Assert.True(PrelabelOrder.MayReplace(PrelabelOrder.ForLine(PrelabelOrder.ImportPrefix(DateTimeOffset.UnixEpoch, "e"), 0), ""));
    }
}
