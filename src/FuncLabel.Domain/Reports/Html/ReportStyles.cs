namespace FuncLabel.Domain.Reports.Html;

/// <summary>
/// The one stylesheet of every report page, inlined into it (a report is a single self-contained file: no external
/// styles, fonts, scripts or images, so it opens from blob storage, an e-mail attachment or a disk the same way).
/// System font stacks only. Layout rules that keep a 375 px screen free of horizontal page scrolling: no fixed
/// widths, charts at 100% of their column, tables in scroll boxes, long words allowed to break.
/// </summary>
internal static class ReportStyles
{
    public const string Css =
        """
        *,*::before,*::after{box-sizing:border-box}
        html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
        body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#1d2430;background:#f6f7f9}
        main{max-width:1040px;margin:0 auto;padding:16px 12px 32px}
        h1{font-size:1.45rem;margin:0 0 4px}
        h2{font-size:1.15rem;margin:28px 0 8px;border-bottom:1px solid #d5d9e0;padding-bottom:4px}
        h1,h2,p,li,caption{overflow-wrap:anywhere}
        .period{color:#545f70;margin:0 0 12px}
        .empty{color:#545f70;font-style:italic}
        .figures{display:flex;flex-wrap:wrap;gap:8px;margin:8px 0;padding:0;list-style:none}
        .figures li{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:6px 10px;min-width:0}
        .figures b{display:block;font-size:1.2rem}
        .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,400px),1fr));gap:12px}
        figure{margin:0;background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:8px;min-width:0}
        figcaption{font-weight:600;margin:0 0 6px;overflow-wrap:anywhere}
        svg.chart{display:block;width:100%;height:auto;max-width:560px;font-family:inherit}
        svg.chart .bar{fill:#2f6db5}
        svg.chart .grid{stroke:#e2e5ea;stroke-width:1}
        svg.chart .axis{stroke:#6b7280;stroke-width:1}
        svg.chart text{font-size:13px;fill:#1d2430}
        svg.chart .tick{fill:#545f70;font-size:11.5px}
        svg.chart .value{font-size:12px;font-weight:600}
        svg.chart .axis-label{fill:#545f70}
        .table-scroll{max-width:100%;overflow-x:auto;margin:8px 0 16px;background:#fff;border:1px solid #d5d9e0;border-radius:6px}
        table{border-collapse:collapse;width:100%;font-size:.9rem}
        caption{text-align:left;font-weight:600;padding:6px 8px}
        th,td{padding:5px 8px;border-top:1px solid #e2e5ea;text-align:left;vertical-align:top}
        td{overflow-wrap:break-word}
        th{background:#eef1f5;font-size:.85rem;vertical-align:bottom}
        td.name{min-width:11em;overflow-wrap:anywhere}
        .num{text-align:right;font-variant-numeric:tabular-nums}
        td.num,td.time{white-space:nowrap}
        """;
}
