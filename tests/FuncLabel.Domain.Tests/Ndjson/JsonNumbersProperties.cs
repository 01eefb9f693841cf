using System.Globalization;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FuncLabel.Domain.Ndjson;

namespace FuncLabel.Domain.Tests.Ndjson;

/// <summary>The fast number path must return bit for bit what Utf8JsonReader.TryGetDouble returns.</summary>
public sealed class JsonNumbersProperties
{
    /// <summary>Decimals of every length around the fast path's 15-digit limit, with and without a fraction,
    /// leading zeros in the fraction, negative zero, and exponents (which take the general path).</summary>
    [Property(MaxTest = 20000)]
    public Property TryGetDouble_Decimal_SameAsReader() => Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        if (random.Next(2) == 0)
        {
            text.Append('-');
        }

        var integerDigits = random.Next(1, 19);
        text.Append(integerDigits == 1 ? (char)('0' + random.Next(10)) : (char)('1' + random.Next(9)));
        for (var i = 1; i < integerDigits; i++)
        {
            text.Append((char)('0' + random.Next(10)));
        }

        if (random.Next(3) != 0)
        {
            text.Append('.');
            var fractionDigits = random.Next(1, 19);
            for (var i = 0; i < fractionDigits; i++)
            {
                text.Append((char)('0' + random.Next(10)));
            }
        }

        if (random.Next(8) == 0)
        {
            text.Append('e').Append(random.Next(-30, 30));
        }

        return SameAsReader(text.ToString());
    });

    [Property(MaxTest = 5000)]
    public Property TryGetDouble_RoundTripFormattedDouble_SameAsReader() => Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue)), seed =>
    {
        var random = new Random(seed);
        var value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 12));
        return SameAsReader(value.ToString("R", CultureInfo.InvariantCulture))
            && SameAsReader(Math.Round(value, random.Next(0, 6)).ToString("R", CultureInfo.InvariantCulture));
    });

    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("999999999999999")]
    [InlineData("9999999999999999")]
    [InlineData("0.000000000000001")]
    [InlineData("1234.5678")]
    [InlineData("1e400")]
    public void TryGetDouble_EdgeCases_SameAsReader(string text) => Assert.True(SameAsReader(text));

    private static bool SameAsReader(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text));
        reader.Read();
        var expectedOk = reader.TryGetDouble(out var expected);
        var ok = JsonNumbers.TryGetDouble(ref reader, out var actual);
        return ok == expectedOk && (!ok || BitConverter.DoubleToInt64Bits(actual) == BitConverter.DoubleToInt64Bits(expected));
    }
}
