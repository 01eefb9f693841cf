using System.Text.Json;

namespace FuncLabel.Domain.Ndjson;

/// <summary>Reads JSON numbers of the shape pre-labels carry (<c>1234.5</c>, <c>-0.25</c>) without the general parser.</summary>
internal static class JsonNumbers
{
    /// <summary>Most digits the fast path takes: 10^15 − 1 &lt; 2^53, so the digits form an exactly representable integer.</summary>
    private const int MaxFastDigits = 15;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];

    /// <summary>
    /// The value of the current number token, exactly as <see cref="Utf8JsonReader.TryGetDouble"/> would return it.
    /// </summary>
    /// <remarks>
    /// A coordinate such as <c>1234.5</c> is read as the integer 12345 divided by 10^1. When the number has at most
    /// <see cref="MaxFastDigits"/> digits and no exponent, both operands are exact doubles and IEEE division rounds
    /// correctly, so the quotient is the correctly rounded value of the decimal — the same double the general parser
    /// returns (Clinger's fast path). Everything else (exponents, long mantissas) goes to the reader's parser. The
    /// reader has already checked the token's JSON number syntax, so the loop only splits digits at the point.
    /// </remarks>
    public static bool TryGetDouble(ref Utf8JsonReader reader, out double value) =>
        TryParseShortDecimal(reader.ValueSpan, out value) || reader.TryGetDouble(out value);

    /// <summary>
    /// The fast path alone, on the text of a JSON number token: false (value 0) for a number it does not take (an
    /// exponent, more than <see cref="MaxFastDigits"/> digits).
    /// </summary>
    /// <remarks>
    /// The integer digits and the fraction digits are read in two tight loops, with no per-digit test of which part
    /// the digit is in. The token is already a valid JSON number, so anything other than digits and one point is an
    /// exponent.
    /// </remarks>
    public static bool TryParseShortDecimal(ReadOnlySpan<byte> text, out double value)
    {
        var i = 0;
        var negative = false;
        if (text.Length > 0 && text[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        ulong mantissa = 0;
        var start = i;
        uint digit;
        while (i < text.Length && (digit = unchecked((uint)(text[i] - '0'))) <= 9)
        {
            mantissa = unchecked((mantissa * 10) + digit);
            i++;
        }

        var digits = i - start;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var fractionStart = ++i;
            while (i < text.Length && (digit = unchecked((uint)(text[i] - '0'))) <= 9)
            {
                mantissa = unchecked((mantissa * 10) + digit);
                i++;
            }

            fractionDigits = i - fractionStart;
        }

        // Digits past the fifteenth may have wrapped the mantissa (unchecked); the count is checked before it is used.
        if (i != text.Length || digits + fractionDigits > MaxFastDigits)
        {
            value = 0;
            return false;
        }

        value = Compose(mantissa, fractionDigits, negative);
        return true;
    }

    /// <summary>
    /// Reads a JSON number from <paramref name="text"/> at <paramref name="position"/>, checking its syntax itself (for
    /// text no <see cref="Utf8JsonReader"/> has tokenised), and moves <paramref name="position"/> past it. Takes only
    /// <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?</c> with at most <see cref="MaxFastDigits"/> digits, whose value is then the
    /// same double as <see cref="TryParseShortDecimal"/>'s; false for anything else (an exponent, more digits, not a
    /// number), which the caller leaves to the reader. What follows the number is the caller's to check.
    /// </summary>
    public static bool TryReadShortDecimal(ReadOnlySpan<byte> text, ref int position, out double value)
    {
        value = 0;
        var i = position;
        var negative = false;
        if (i < text.Length && text[i] == (byte)'-')
        {
            negative = true;
            i++;
        }

        if (i >= text.Length)
        {
            return false;
        }

        ulong mantissa = 0;
        var start = i;
        uint digit;
        if (text[i] == (byte)'0')
        {
            // JSON allows no leading zero: "01" is not a number, so a digit after it is left to the reader's error.
            i++;
        }
        else
        {
            while (i < text.Length && (digit = unchecked((uint)(text[i] - '0'))) <= 9)
            {
                mantissa = unchecked((mantissa * 10) + digit);
                i++;
            }

            if (i == start)
            {
                return false;
            }
        }

        var digits = i - start;
        var fractionDigits = 0;
        if (i < text.Length && text[i] == (byte)'.')
        {
            var fractionStart = ++i;
            while (i < text.Length && (digit = unchecked((uint)(text[i] - '0'))) <= 9)
            {
                mantissa = unchecked((mantissa * 10) + digit);
                i++;
            }

            fractionDigits = i - fractionStart;
            if (fractionDigits == 0)
            {
                return false;
            }
        }

        // Digits past the fifteenth may have wrapped the mantissa (unchecked); the count is checked before it is used.
        if (digits + fractionDigits > MaxFastDigits || (i < text.Length && (text[i] | 0x20) == (byte)'e') || (i < text.Length && unchecked((uint)(text[i] - '0')) <= 9))
        {
            return false;
        }

        value = Compose(mantissa, fractionDigits, negative);
        position = i;
        return true;
    }

    /// <summary>mantissa ÷ 10^fractionDigits, exact operands and one correctly rounded division (see the remarks of
    /// <see cref="TryGetDouble"/>).</summary>
    private static double Compose(ulong mantissa, int fractionDigits, bool negative)
    {
        var value = fractionDigits > 0 ? (long)mantissa / PowersOfTen[fractionDigits] : (long)mantissa;
        return negative ? -value : value;
    }
}
