namespace FuncLabel.Domain.Reports;

/// <summary>The files each report is written as (<c>?format=</c> on the report routes; lower case).</summary>
public enum ReportFileFormat
{
    Json,
    Csv,
    Html,
}

/// <summary>File extensions and content types of <see cref="ReportFileFormat"/>.</summary>
public static class ReportFiles
{
    public static IReadOnlyList<ReportFileFormat> AllFormats { get; } = [ReportFileFormat.Json, ReportFileFormat.Csv, ReportFileFormat.Html];

    public static IReadOnlyList<ReportKind> AllKinds { get; } = [ReportKind.Credentials, ReportKind.Exams, ReportKind.Quality];

    public static string Extension(ReportFileFormat format) => format switch
    {
        ReportFileFormat.Json => "json",
        ReportFileFormat.Csv => "csv",
        _ => "html",
    };

    public static string ContentType(ReportFileFormat format) => format switch
    {
        ReportFileFormat.Json => "application/json; charset=utf-8",
        ReportFileFormat.Csv => "text/csv; charset=utf-8; header=present",
        _ => "text/html; charset=utf-8",
    };

    public static string Name(ReportKind kind) => kind switch
    {
        ReportKind.Credentials => "credentials",
        ReportKind.Exams => "exams",
        _ => "quality",
    };

    public static bool TryParseKind(string? text, out ReportKind kind)
    {
        foreach (var candidate in AllKinds)
        {
            if (string.Equals(Name(candidate), text, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseFormat(string? text, out ReportFileFormat format)
    {
        foreach (var candidate in AllFormats)
        {
            if (string.Equals(Extension(candidate), text, StringComparison.Ordinal))
            {
                format = candidate;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>Which kinds a scope has: the organisation has only the credential report.</summary>
    public static bool AppliesTo(ReportKind kind, bool organisation) => !organisation || kind == ReportKind.Credentials;
}
