namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// The HTML output of the scheduled reports: one self-contained page per report (inline styles, inline SVG charts,
/// no scripts, fonts, images or links to anything), readable from a 375 px phone to a desktop. Pure string
/// rendering: the caller stores or serves the result as <c>text/html; charset=utf-8</c>.
/// </summary>
public static class ReportHtml
{
    public static string Render(CredentialReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return CredentialReportHtml.Render(report);
    }

    public static string Render(ExamReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return ExamReportHtml.Render(report);
    }

    public static string Render(QualityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return QualityReportHtml.Render(report);
    }
}
