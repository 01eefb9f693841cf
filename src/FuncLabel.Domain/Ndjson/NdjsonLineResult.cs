using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// The outcome of one non-empty line: an accepted <see cref="NdjsonRecord"/> or a refused <see cref="NdjsonLineError"/>,
/// read through <see cref="Record"/> and <see cref="Error"/> (exactly one is set). A closed hierarchy: these two are
/// its only kinds.
/// </summary>
/// <remarks>
/// The outcome is the record or the error itself rather than an object wrapping one of them, so a file's accepted
/// lines allocate one result object each instead of two.
/// </remarks>
public abstract record NdjsonLineResult
{
    private protected NdjsonLineResult(long lineNumber) => LineNumber = lineNumber;

    /// <summary>The 1-based line number in the file.</summary>
    public long LineNumber { get; init; }

    /// <summary>The accepted line, or null when it was refused.</summary>
    public NdjsonRecord? Record => this as NdjsonRecord;

    /// <summary>Why the line was refused, or null when it was accepted.</summary>
    public NdjsonLineError? Error => this as NdjsonLineError;

    public static NdjsonLineResult Success(NdjsonRecord record) => record;

    public static NdjsonLineResult Failure(NdjsonLineError error) => error;
}

/// <summary>
/// A refused line: 1-based line number, the uuid when it could be read (as written in the file), the JSON path of the
/// offending field (e.g. <c>classifications[0].answer.name</c>, empty for the whole line), a reason code and a message.
/// </summary>
public sealed record NdjsonLineError(long LineNumber, string? Uuid, string Field, NdjsonErrorReason Reason, string Message) : NdjsonLineResult(LineNumber);

/// <summary>An accepted line: which data row, the resolved annotation, and whether its geometry was repaired.</summary>
public sealed record NdjsonRecord(long LineNumber, DataRowReference DataRow, Annotation Annotation, bool GeometryRepaired) : NdjsonLineResult(LineNumber);
