using System.Globalization;
using System.Text;

namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// Escaping and number formatting shared by the HTML and SVG writers. Every piece of text that comes from data
/// (class names, exam titles, user ids, feedback reasons) goes through <see cref="Escape"/> before it is written,
/// whether into element content or an attribute value.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Replaces the five characters that are markup in HTML and XML (<c>&amp; &lt; &gt; " '</c>) with entity
    /// references, so the result is safe both as text and inside a quoted attribute, in the HTML page and in inline
    /// SVG (which the HTML parser reads with the same rules). Control characters other than tab, newline and carriage
    /// return are dropped: XML forbids them and they carry nothing a reader needs.
    /// </summary>
    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var replacement = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ when char.IsControl(c) && c is not ('\t' or '\n' or '\r') => string.Empty,
                _ => null,
            };
            if (replacement is null)
            {
                escaped?.Append(c);
                continue;
            }

            escaped ??= new StringBuilder(text.Length + 16).Append(text, 0, i);
            escaped.Append(replacement);
        }

        return escaped?.ToString() ?? text;
    }

    /// <summary>A coordinate or length for SVG: invariant culture, at most two decimals (a hundredth of a unit is far below a pixel).</summary>
    public static string Coordinate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The exact value for a <c>data-value</c> attribute: round-trip format, so tests compare it with the model without loss.</summary>
    public static string Exact(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A count for display, with thousands separators (invariant culture: 12,345).</summary>
    public static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A fraction in [0, 1] for display as a percentage with at most one decimal (0.875 → "87.5%").</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    /// <summary>A decimal figure for display with at most <paramref name="decimals"/> decimals.</summary>
    public static string Number(double value, int decimals = 1) =>
        value.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>
    /// Shortens <paramref name="text"/> to at most <paramref name="maxChars"/> characters, ending with an ellipsis
    /// when cut, for axis labels whose full text is in the bar's tooltip and in the table below the chart.
    /// </summary>
    public static string Truncate(string text, int maxChars)
    {
        if (text.Length <= maxChars)
        {
            return text;
        }

        if (maxChars <= 1)
        {
            return "…";
        }

        var keep = maxChars - 1;
        if (char.IsHighSurrogate(text[keep - 1]))
        {
            keep--;
        }

        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
