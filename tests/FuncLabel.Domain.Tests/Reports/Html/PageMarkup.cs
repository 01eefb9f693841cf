using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace FuncLabel.Domain.Tests.Reports.Html;

/// <summary>
/// Reads a rendered page back for assertions: each inline SVG is parsed as XML (which also proves it is well formed
/// and its text correctly escaped), and its bars are returned with their data attributes and drawn sizes.
/// </summary>
internal static partial class PageMarkup
{
    public static IReadOnlyDictionary<string, XElement> Charts(string html) =>
        SvgElement().Matches(html).Select(m => XElement.Parse(m.Value)).ToDictionary(svg => (string)svg.Attribute("data-chart")!);

    public static IReadOnlyList<Bar> Bars(XElement svg) =>
        [.. svg.Elements("rect").Where(r => (string?)r.Attribute("class") == "bar").Select(r => new Bar(
            (string)r.Attribute("data-label")!,
            Number(r, "data-value"),
            Number(r, "width"),
            Number(r, "height")))];

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);

    [GeneratedRegex("<svg .*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgElement();

    public sealed record Bar(string Label, double Value, double Width, double Height);
}
