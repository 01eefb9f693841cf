using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// A refused line: 1-based line number, the uuid when it could be read (as written in the file), the JSON path of the
/// offending field (e.g. <c>classifications[0].answer.name</c>, empty for the whole line), a reason code and a message.
/// </summary>
public sealed record NdjsonLineError(long LineNumber, string? Uuid, string Field, NdjsonErrorReason Reason, string Message);

/// <summary>An accepted line: which data row, the resolved annotation, and whether its geometry was repaired.</summary>
public sealed record NdjsonRecord(long LineNumber, DataRowReference DataRow, Annotation Annotation, bool GeometryRepaired);

/// <summary>The outcome of one non-empty line: exactly one of <see cref="Record"/> and <see cref="Error"/>.</summary>
public sealed record NdjsonLineResult
{
    private NdjsonLineResult(NdjsonRecord? record, NdjsonLineError? error)
    {
        Record = record;
        Error = error;
    }

    public NdjsonRecord? Record { get; }

    public NdjsonLineError? Error { get; }

    public long LineNumber => Record?.LineNumber ?? Error!.LineNumber;

    public static NdjsonLineResult Success(NdjsonRecord record) => new(record, null);

    public static NdjsonLineResult Failure(NdjsonLineError error) => new(null, error);
}
