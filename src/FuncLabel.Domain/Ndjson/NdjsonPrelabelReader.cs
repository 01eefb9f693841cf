using System.Runtime.CompilerServices;
using FuncLabel.Domain.Annotations;

namespace FuncLabel.Domain.Ndjson;

/// <summary>
/// Reads a Labelbox-compatible NDJSON pre-label file, one annotation per line, validating every line against the
/// project ontology; good lines come through as records and bad lines as errors, in file order.
/// </summary>
/// <remarks>
/// <para>Streaming: lines are read from the caller's stream through one bounded buffer
/// (<see cref="NdjsonReaderOptions.MaxLineBytes"/>) and parsed without building a DOM, so memory does not grow with the
/// file — apart from the duplicate-uuid check, which remembers one (uuid, data-row hash) pair per accepted line up to
/// <see cref="NdjsonReaderOptions.MaxTrackedUuids"/>. Blank lines are skipped and produce no result.</para>
/// <para>Each line is parsed (<see cref="NdjsonLineParser"/>), resolved (<see cref="NdjsonLineResolver"/>) and checked for a
/// duplicate (data row, uuid). The first problem found refuses the line. Never throws for bad input: every non-blank line
/// yields exactly one <see cref="NdjsonLineResult"/>. Not thread-safe; use one reader per file.</para>
/// </remarks>
public sealed class NdjsonPrelabelReader
{
    private readonly NdjsonReaderOptions _options;
    private readonly NdjsonLineParser _parser;
    private readonly NdjsonLineResolver _resolver;
    private readonly UuidRowSet _seen = new();
    private readonly RawAnnotation _raw = new();

    public NdjsonPrelabelReader(NdjsonReaderOptions options)
        : this(options, shapesFromBytes: true)
    {
    }

    /// <summary>With <paramref name="shapesFromBytes"/> false, boxes and vertex arrays are read token by token only: the
    /// reference the byte-level reading (<see cref="BoxText"/>, <see cref="VertexArrayText"/>) is tested against.</summary>
    internal NdjsonPrelabelReader(NdjsonReaderOptions options, bool shapesFromBytes)
    {
        _options = options;
        _parser = new NdjsonLineParser(new KnownStrings(options.Ontology), shapesFromBytes);
        _resolver = new NdjsonLineResolver(options);
    }

    /// <summary>Reads every line of <paramref name="stream"/> (UTF-8, LF or CRLF).</summary>
    public async IAsyncEnumerable<NdjsonLineResult> ReadAsync(Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in NdjsonLineSplitter.SplitAsync(stream, _options.MaxLineBytes, cancellationToken).ConfigureAwait(false))
        {
            if (line.TooLong)
            {
                yield return NdjsonLineResult.Failure(new NdjsonLineError(line.Number, null, string.Empty, NdjsonErrorReason.LineTooLong, $"The line is longer than {_options.MaxLineBytes} bytes."));
                continue;
            }

            if (ParseLine(line.Bytes.Span, line.Number) is { } result)
            {
                yield return result;
            }
        }
    }

    /// <summary>Parses and validates one line (without its newline); null for a blank line.</summary>
    public NdjsonLineResult? ParseLine(ReadOnlySpan<byte> line, long lineNumber)
    {
        // A line that starts its object straight away (nearly all) is not blank; only the others are trimmed to see.
        if ((line.IsEmpty || line[0] != (byte)'{') && line.Trim(" \t\r"u8).IsEmpty)
        {
            return null;
        }

        var raw = _raw;
        raw.Reset();
        if (!_parser.TryParse(line, raw, out var fault))
        {
            var uuidText = raw.Uuid?.ToString() ?? NdjsonLineParser.TryReadUuidText(line);
            return NdjsonLineResult.Failure(new NdjsonLineError(lineNumber, uuidText, fault.Field, fault.Reason, fault.Message));
        }

        if (!_resolver.TryResolve(raw, out var dataRow, out var annotation, out var repaired, out fault))
        {
            return NdjsonLineResult.Failure(new NdjsonLineError(lineNumber, raw.Uuid?.ToString() ?? NdjsonLineParser.TryReadUuidText(line), fault.Field, fault.Reason, fault.Message));
        }

        var row = DataRowHash(dataRow!);
        var fresh = _seen.Count < _options.MaxTrackedUuids ? _seen.TryAdd(annotation!.Uuid, row) : !_seen.Contains(annotation!.Uuid, row);
        if (!fresh)
        {
            return NdjsonLineResult.Failure(new NdjsonLineError(lineNumber, annotation.Uuid.ToString(), "uuid", NdjsonErrorReason.DuplicateUuid, "This uuid was already used for this data row earlier in the file."));
        }

        return NdjsonLineResult.Success(new NdjsonRecord(lineNumber, dataRow!, annotation, repaired));
    }

    private static int DataRowHash(DataRowReference dataRow) =>
        dataRow.Id is { } id ? HashCode.Combine(0, id) : HashCode.Combine(1, dataRow.GlobalKey);
}
