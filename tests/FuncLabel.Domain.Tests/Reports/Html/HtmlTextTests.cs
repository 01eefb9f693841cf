using FuncLabel.Domain.Reports.Html;

namespace FuncLabel.Domain.Tests.Reports.Html;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")]
    [InlineData("a & \"b\"", "a &amp; &quot;b&quot;")]
    [InlineData("bell\u0007 tab\t", "bell tab\t")]
    public void Escape_MarkupAndControlCharacters(string text, string expected) => Assert.Equal(expected, HtmlText.Escape(text));

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("annotator-0001", 8, "annotat…")]
    [InlineData("ab\U0001F600cd", 4, "ab…")]
    public void Truncate_CutsWithEllipsisNeverInsideASurrogatePair(string text, int maxChars, string expected) =>
        Assert.Equal(expected, HtmlText.Truncate(text, maxChars));

    [Theory]
    [InlineData(0.875, "87.5%")]
    [InlineData(1.0 / 3, "33.3%")]
    [InlineData(0, "0%")]
    public void Percent_OneDecimalAtMost(double fraction, string expected) => Assert.Equal(expected, HtmlText.Percent(fraction));
}
