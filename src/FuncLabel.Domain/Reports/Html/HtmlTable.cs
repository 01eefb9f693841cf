using System.Text;

namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A data table inside its own scroll box: on a narrow screen a wide table scrolls sideways within the box while
/// the page itself keeps the screen's width (the page never scrolls horizontally). Long unbroken cell text (ids,
/// hashes) may break anywhere. Numeric columns are right-aligned so figures line up.
/// </summary>
internal static class HtmlTable
{
    /// <summary>
    /// Renders <paramref name="rows"/> under <paramref name="headers"/>; <paramref name="numeric"/> flags the
    /// columns to right-align (by index; shorter than the header list means the rest are text). Cells are escaped.
    /// </summary>
    public static string Render(string caption, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool> numeric)
    {
        var html = new StringBuilder("<div class=\"table-scroll\"><table><caption>").Append(HtmlText.Escape(caption))
            .Append("</caption><thead><tr>");
        for (var i = 0; i < headers.Count; i++)
        {
            html.Append(IsNumeric(numeric, i) ? "<th scope=\"col\" class=\"num\">" : "<th scope=\"col\">")
                .Append(HtmlText.Escape(headers[i])).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            if (row.Count != headers.Count)
            {
                throw new ArgumentException($"a row has {row.Count} cells for {headers.Count} columns", nameof(rows));
            }

            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(IsNumeric(numeric, i) ? "<td class=\"num\">" : "<td>").Append(HtmlText.Escape(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static bool IsNumeric(IReadOnlyList<bool> numeric, int column) => column < numeric.Count && numeric[column];
}
