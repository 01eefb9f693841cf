using System.Text;

namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// Writes one inline SVG chart. The drawing is laid out in a fixed coordinate system (the viewBox) and the element
/// is 100% wide with automatic height, so the browser scales the whole chart to its container: the same markup
/// fits a 375 px phone and a desktop column, and bar lengths stay proportional at any width. Colours and fonts
/// come from the page's inline stylesheet through classes. Every bar carries <c>data-label</c> and
/// <c>data-value</c> so its rendered geometry can be checked against the figure it stands for.
/// </summary>
internal sealed class SvgCanvas
{
    /// <summary>Width of every chart's coordinate system; at 375 px the chart is drawn close to 1:1, so 13-unit text stays legible.</summary>
    public const double Width = 360;

    /// <summary>Approximate advance of one character of 13-unit sans-serif text (a little over the average, so fitted labels stay inside the chart).</summary>
    public const double CharWidth = 7.5;

    private readonly StringBuilder svg = new();

    public SvgCanvas(ChartSpec spec, string orientation, double height)
    {
        svg.Append("<svg class=\"chart\" role=\"img\" data-chart=\"").Append(HtmlText.Escape(spec.Id))
            .Append("\" data-orientation=\"").Append(orientation)
            .Append("\" viewBox=\"0 0 ").Append(HtmlText.Coordinate(Width)).Append(' ').Append(HtmlText.Coordinate(height))
            .Append("\" width=\"100%\" preserveAspectRatio=\"xMidYMin meet\" aria-label=\"").Append(HtmlText.Escape(spec.Title))
            .Append("\"><title>").Append(HtmlText.Escape(spec.Title)).Append("</title>");
    }

    /// <summary>A text element; <paramref name="anchor"/> is start, middle or end; <paramref name="rotate"/> turns it about its anchor point.</summary>
    public void Text(double x, double y, string text, string anchor, string cssClass, double rotate = 0)
    {
        svg.Append("<text class=\"").Append(cssClass).Append("\" x=\"").Append(HtmlText.Coordinate(x))
            .Append("\" y=\"").Append(HtmlText.Coordinate(y)).Append("\" text-anchor=\"").Append(anchor).Append('"');
        if (rotate != 0)
        {
            svg.Append(" transform=\"rotate(").Append(HtmlText.Coordinate(rotate)).Append(' ')
                .Append(HtmlText.Coordinate(x)).Append(' ').Append(HtmlText.Coordinate(y)).Append(")\"");
        }

        svg.Append('>').Append(HtmlText.Escape(text)).Append("</text>");
    }

    public void Line(double x1, double y1, double x2, double y2, string cssClass) =>
        svg.Append("<line class=\"").Append(cssClass).Append("\" x1=\"").Append(HtmlText.Coordinate(x1))
            .Append("\" y1=\"").Append(HtmlText.Coordinate(y1)).Append("\" x2=\"").Append(HtmlText.Coordinate(x2))
            .Append("\" y2=\"").Append(HtmlText.Coordinate(y2)).Append("\"/>");

    /// <summary>A bar with its data attributes and a tooltip giving the full label and the value text.</summary>
    public void Bar(double x, double y, double width, double height, ChartBar bar) =>
        svg.Append("<rect class=\"bar\" x=\"").Append(HtmlText.Coordinate(x)).Append("\" y=\"").Append(HtmlText.Coordinate(y))
            .Append("\" width=\"").Append(HtmlText.Coordinate(width)).Append("\" height=\"").Append(HtmlText.Coordinate(height))
            .Append("\" data-label=\"").Append(HtmlText.Escape(bar.Label)).Append("\" data-value=\"").Append(HtmlText.Exact(bar.Value))
            .Append("\"><title>").Append(HtmlText.Escape(bar.Label)).Append(": ").Append(HtmlText.Escape(bar.ValueText))
            .Append("</title></rect>");

    public override string ToString() => svg + "</svg>";
}
