using System.Numerics;
using FsCheck.Xunit;
using FuncLabel.Domain.Scoring.Similarity;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>The exact orientation predicate on configurations where the floating-point determinant is unreliable.</summary>
public sealed class ExactOrientationTests
{
    [Fact]
    public void Sign_CollinearAndBarelyOff_Exact()
    {
        Assert.Equal(0, ExactOrientation.Sign(0, 0, 1, 1, 3, 3));
        Assert.Equal(1, ExactOrientation.Sign(0, 0, 1, 1, 3, 3 + Math.Pow(2, -51)));
        Assert.Equal(-1, ExactOrientation.Sign(0, 0, 1, 1, 3 + Math.Pow(2, -51), 3));
        Assert.Equal(0, ExactOrientation.Sign(0.5, 0.5, 12.0, 12.0, 24.0, 24.0));
    }

    [Fact]
    public void Sign_ExtremeMagnitudes_Exact()
    {
        // Beyond the expansion path's range (products would overflow or their errors underflow): the integer path.
        double big = Math.ScaleB(1.0, 600), tiny = Math.ScaleB(1.0, -600);
        Assert.Equal(0, ExactOrientation.Sign(0, 0, big, big, 3 * big, 3 * big));
        Assert.Equal(1, ExactOrientation.Sign(0, 0, big, big, 3 * big, 3 * big * (1 + Math.Pow(2, -50))));
        Assert.Equal(0, ExactOrientation.Sign(tiny, tiny, 2 * tiny, 2 * tiny, 5 * tiny, 5 * tiny));
        Assert.Equal(-1, ExactOrientation.Sign(tiny, tiny, 2 * tiny, 2 * tiny, 5 * tiny, 5 * tiny * (1 - Math.Pow(2, -50))));
    }

    [Property(MaxTest = 500)]
    public bool Sign_ConsistentUnderPermutation(int seed)
    {
        // Points near a line through large coordinates, where rounding makes floating-point signs disagree.
        var random = new Random(seed);
        double x0 = random.NextDouble() * 1e6, y0 = random.NextDouble() * 1e6, dx = random.NextDouble(), dy = random.NextDouble();
        (double X, double Y) P(double t) => (x0 + (t * dx), y0 + (t * dy));
        var (ax, ay) = P(random.NextDouble());
        var (bx, by) = P(1 + random.NextDouble());
        var (cx, cy) = P(2 + random.NextDouble());
        int s = ExactOrientation.Sign(ax, ay, bx, by, cx, cy);
        return s == ExactOrientation.Sign(bx, by, cx, cy, ax, ay)
            && s == ExactOrientation.Sign(cx, cy, ax, ay, bx, by)
            && s == -ExactOrientation.Sign(bx, by, ax, ay, cx, cy)
            && s == -ExactOrientation.Sign(ax, ay, cx, cy, bx, by);
    }

    [Property(MaxTest = 2000)]
    public bool Sign_NearCollinear_MatchesRationalArithmetic(int seed)
    {
        // Near-collinear points at pixel-like and at large or small scales, against the determinant in exact rationals.
        var random = new Random(seed);
        double scale = Math.Pow(10, random.Next(-8, 9));
        double x0 = random.NextDouble() * scale, y0 = random.NextDouble() * scale, dx = random.NextDouble(), dy = random.NextDouble();
        double Nudge(double v) => random.Next(3) switch { 0 => v, 1 => Math.BitIncrement(v), _ => Math.BitDecrement(v) };
        double[] p = [.. new[] { 0.0, 1 + random.NextDouble(), 2 + random.NextDouble() }
            .SelectMany(t => new[] { Nudge(x0 + (t * dx * scale)), Nudge(y0 + (t * dy * scale)) })];
        return ExactOrientation.Sign(p[0], p[1], p[2], p[3], p[4], p[5]) == RationalSign(p);
    }

    /// <summary>The determinant's sign with every double as an exact fraction over a common power of two.</summary>
    private static int RationalSign(double[] p)
    {
        const int Shift = 1200;
        BigInteger[] v = [.. p.Select(ToScaledInteger)];
        return (((v[2] - v[0]) * (v[5] - v[1])) - ((v[3] - v[1]) * (v[4] - v[0]))).Sign;

        static BigInteger ToScaledInteger(double value)
        {
            long bits = BitConverter.DoubleToInt64Bits(value);
            int exponent = (int)((bits >> 52) & 0x7FF);
            long mantissa = bits & 0xF_FFFF_FFFF_FFFFL;
            if (exponent == 0 && mantissa == 0)
            {
                return BigInteger.Zero;
            }

            mantissa = exponent == 0 ? mantissa : mantissa | (1L << 52);
            int power = (exponent == 0 ? 1 : exponent) - 1075 + Shift;
            BigInteger integer = new BigInteger(mantissa) << power;
            return bits < 0 ? -integer : integer;
        }
    }
}
