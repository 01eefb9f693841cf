using System.Text;

namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A data table inside its own scroll box: on a narrow screen a wide table scrolls sideways within the box while
/// the page itself keeps the screen's width (the page never scrolls horizontally). Cell layout follows each
/// column's <see cref="TableColumn.Kind"/>. Headers and cells are escaped.
/// </summary>
internal static class HtmlTable
{
    public static string Render(string caption, IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows)
    {
        var html = new StringBuilder("<div class=\"table-scroll\"><table><caption>").Append(HtmlText.Escape(caption))
            .Append("</caption><thead><tr>");
        foreach (var column in columns)
        {
            html.Append("<th scope=\"col\"").Append(column.CellClass).Append('>').Append(HtmlText.Escape(column.Header)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
            {
                throw new ArgumentException($"a row has {row.Count} cells for {columns.Count} columns", nameof(rows));
            }

            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append("<td").Append(columns[i].CellClass).Append('>').Append(HtmlText.Escape(row[i])).Append("</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }
}
