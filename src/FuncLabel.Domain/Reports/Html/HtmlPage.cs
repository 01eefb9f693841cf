using System.Text;

namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A complete report page: doctype, UTF-8, a viewport meta tag (without it phones lay the page out 980 px wide and
/// shrink it), the inline stylesheet, a heading with the report's period, then the body sections in order. The
/// page has no script, link, image or import: it works offline and under a strict Content-Security-Policy.
/// </summary>
internal sealed class HtmlPage
{
    private readonly StringBuilder body = new();
    private readonly string title;
    private readonly string period;

    public HtmlPage(string title, string period)
    {
        this.title = title;
        this.period = period;
    }

    /// <summary>A section heading (level 2).</summary>
    public HtmlPage Section(string heading)
    {
        body.Append("<h2>").Append(HtmlText.Escape(heading)).Append("</h2>");
        return this;
    }

    /// <summary>A row of headline figures (label, value), wrapping onto several lines on a narrow screen.</summary>
    public HtmlPage Figures(IEnumerable<(string Label, string Value)> figures)
    {
        body.Append("<ul class=\"figures\">");
        foreach (var (label, value) in figures)
        {
            body.Append("<li>").Append(HtmlText.Escape(label)).Append("<b>").Append(HtmlText.Escape(value)).Append("</b></li>");
        }

        body.Append("</ul>");
        return this;
    }

    /// <summary>Charts side by side where the screen is wide enough, stacked otherwise; each as a captioned figure. Takes rendered SVG.</summary>
    public HtmlPage Charts(IEnumerable<(string Caption, string Svg)> charts)
    {
        body.Append("<div class=\"charts\">");
        foreach (var (caption, svg) in charts)
        {
            body.Append("<figure><figcaption>").Append(HtmlText.Escape(caption)).Append("</figcaption>").Append(svg).Append("</figure>");
        }

        body.Append("</div>");
        return this;
    }

    /// <summary>Already rendered, escaped markup from <see cref="HtmlTable"/>.</summary>
    public HtmlPage Table(string tableHtml)
    {
        body.Append(tableHtml);
        return this;
    }

    /// <summary>The text shown where there is nothing to chart or tabulate, so an empty report reads as "nothing happened" rather than as broken.</summary>
    public HtmlPage Empty(string text)
    {
        body.Append("<p class=\"empty\">").Append(HtmlText.Escape(text)).Append("</p>");
        return this;
    }

    public HtmlPage Paragraph(string text)
    {
        body.Append("<p>").Append(HtmlText.Escape(text)).Append("</p>");
        return this;
    }

    public override string ToString() =>
        new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(HtmlText.Escape(title)).Append("</title><style>").Append(ReportStyles.Css).Append("</style></head>")
            .Append("<body><main><h1>").Append(HtmlText.Escape(title)).Append("</h1><p class=\"period\">").Append(HtmlText.Escape(period))
            .Append("</p>").Append(body).Append("</main></body></html>").ToString();
}
