namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// A table column: its header and how its cells lay out on a narrow screen. Names and ids get a minimum width and
/// may break anywhere (a 60-character user id must not make a 60-character column, nor a column one letter wide);
/// numbers are right-aligned and never wrap; times never wrap; short text wraps between words.
/// </summary>
internal sealed record TableColumn(string Header, TableColumn.Layout Kind)
{
    public enum Layout
    {
        Text,
        Name,
        Number,
        Time,
    }

    public static TableColumn Text(string header) => new(header, Layout.Text);

    public static TableColumn Name(string header) => new(header, Layout.Name);

    public static TableColumn Number(string header) => new(header, Layout.Number);

    public static TableColumn Time(string header) => new(header, Layout.Time);

    /// <summary>The class attribute of this column's cells (styles in <see cref="ReportStyles"/>), empty for plain text.</summary>
    public string CellClass => Kind switch
    {
        Layout.Name => " class=\"name\"",
        Layout.Number => " class=\"num\"",
        Layout.Time => " class=\"time\"",
        _ => string.Empty,
    };
}
