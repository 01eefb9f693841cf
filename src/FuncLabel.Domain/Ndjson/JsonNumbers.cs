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
    public static bool TryGetDouble(ref Utf8JsonReader reader, out double value)
    {
        var text = reader.ValueSpan;
        var negative = text.Length > 0 && text[0] == (byte)'-';
        var i = negative ? 1 : 0;
        long mantissa = 0;
        var digits = 0;
        var fractionDigits = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (c == (byte)'.')
            {
                fractionDigits = 0;
                continue;
            }

            var digit = c - '0';
            if ((uint)digit > 9 || ++digits > MaxFastDigits)
            {
                return reader.TryGetDouble(out value);
            }

            mantissa = (mantissa * 10) + digit;
            if (fractionDigits >= 0)
            {
                fractionDigits++;
            }
        }

        value = fractionDigits > 0 ? mantissa / PowersOfTen[fractionDigits] : mantissa;
        if (negative)
        {
            value = -value;
        }

        return true;
    }
}
