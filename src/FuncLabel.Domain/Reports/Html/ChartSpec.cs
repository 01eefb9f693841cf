namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// What a chart is about, apart from its bars: a stable id (the <c>data-chart</c> attribute, which tests and
/// stylesheets select on), an accessible title, the axis captions, the value scale and how tick values read.
/// </summary>
internal sealed record ChartSpec(
    string Id,
    string Title,
    string CategoryAxisLabel,
    string ValueAxisLabel,
    ChartScale Scale,
    Func<double, string> TickFormat);
