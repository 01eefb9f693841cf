using System.Text.Unicode;

namespace FuncLabel.Domain.Ingestion;

/// <summary>
/// Counts Unicode code points of a UTF-8 stream fed in chunks of any size, and tells whether it is valid UTF-8.
/// The count is what text-entity offsets index (docs/product.md, Identifiers and units: offsets in code points).
/// </summary>
/// <remarks>
/// Each chunk is validated with <see cref="Utf8.IsValid(ReadOnlySpan{byte})"/> after carrying over the incomplete
/// sequence (at most 3 bytes) at the end of the previous chunk, so a character split across chunks is neither an
/// error nor counted twice. In valid UTF-8 every code point has exactly one non-continuation byte, so counting is
/// counting bytes not of the form <c>10xxxxxx</c>. A leading byte-order mark (EF BB BF) is not counted: editors hide it
/// and offsets computed by annotators start after it. Memory is constant.
/// </remarks>
public sealed class Utf8CodePointCounter
{
    private readonly byte[] _carry = new byte[4];
    private int _carryLength;
    private bool _atStart = true;
    private int _bomMatched;

    public long CodePoints { get; private set; }

    /// <summary>False once any byte seen so far cannot be UTF-8.</summary>
    public bool IsValidSoFar { get; private set; } = true;

    /// <summary>True when everything appended is valid UTF-8 and no sequence is left incomplete.</summary>
    public bool IsCompleteAndValid => IsValidSoFar && _carryLength == 0 && !(_atStart && _bomMatched is 1 or 2);

    public void Append(ReadOnlySpan<byte> chunk)
    {
        if (!IsValidSoFar || chunk.IsEmpty)
        {
            return;
        }

        if (_atStart)
        {
            chunk = SkipBom(chunk);
            if (chunk.IsEmpty)
            {
                return;
            }
        }

        if (_carryLength > 0)
        {
            // Complete the carried sequence with as many bytes as it needs (the lead byte says how many).
            var needed = SequenceLength(_carry[0]) - _carryLength;
            var take = Math.Min(needed, chunk.Length);
            chunk[..take].CopyTo(_carry.AsSpan(_carryLength));
            _carryLength += take;
            chunk = chunk[take..];
            if (_carryLength < SequenceLength(_carry[0]))
            {
                return;
            }

            if (!Utf8.IsValid(_carry.AsSpan(0, _carryLength)))
            {
                IsValidSoFar = false;
                return;
            }

            CodePoints++;
            _carryLength = 0;
        }

        var tail = IncompleteTailLength(chunk);
        var body = chunk[..^tail];
        if (!Utf8.IsValid(body))
        {
            IsValidSoFar = false;
            return;
        }

        CodePoints += body.Length - CountContinuationBytes(body);
        chunk[^tail..].CopyTo(_carry);
        _carryLength = tail;
    }

    private ReadOnlySpan<byte> SkipBom(ReadOnlySpan<byte> chunk)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        while (_bomMatched < 3 && !chunk.IsEmpty && chunk[0] == bom[_bomMatched])
        {
            _bomMatched++;
            chunk = chunk[1..];
        }

        if (_bomMatched == 3 || !chunk.IsEmpty)
        {
            _atStart = false;
            if (_bomMatched is > 0 and < 3)
            {
                // A partial BOM followed by other bytes: they were real bytes; put them back in front.
                var partial = bom[.._bomMatched].ToArray();
                _bomMatched = 3;
                Append(partial);
            }
        }

        return chunk;
    }

    /// <summary>How many bytes at the end start a sequence the chunk does not complete (0–3).</summary>
    private static int IncompleteTailLength(ReadOnlySpan<byte> chunk)
    {
        for (var back = 1; back <= Math.Min(3, chunk.Length); back++)
        {
            var b = chunk[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue; // continuation byte: keep looking for its lead
            }

            var length = SequenceLength(b);
            return length > back ? back : 0;
        }

        return 0;
    }

    /// <summary>The sequence length a lead byte announces; 1 for ASCII and for bytes that cannot lead (left to validation).</summary>
    private static int SequenceLength(byte lead) => lead switch
    {
        >= 0xF0 and <= 0xF4 => 4,
        >= 0xE0 and < 0xF0 => 3,
        >= 0xC2 and < 0xE0 => 2,
        _ => 1,
    };

    private static int CountContinuationBytes(ReadOnlySpan<byte> bytes)
    {
        var count = 0;
        foreach (var b in bytes)
        {
            count += (b & 0xC0) == 0x80 ? 1 : 0;
        }

        return count;
    }
}
