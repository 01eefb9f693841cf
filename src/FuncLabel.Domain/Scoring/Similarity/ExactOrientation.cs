using System.Numerics;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// The exact sign of the orientation determinant (b − a) × (c − a) of three points given as doubles:
/// 1 when c lies to the left of the directed line a → b, −1 to the right, 0 exactly on it.
/// </summary>
/// <remarks>
/// <para>
/// A filtered predicate. The determinant is first evaluated in floating point; Shewchuk's forward error bound for
/// this very expression (differences, two products, one subtraction) is (3 + 16ε)ε · (|left| + |right|) with
/// ε = 2⁻⁵³, so a value farther from zero than that bound has the right sign. Only when it is not (collinear or
/// nearly collinear points, the cases that decide touching and shared edges) is the determinant recomputed exactly:
/// every double is an integer times a power of two, so scaling all six coordinates by the smallest power involved
/// turns them into integers and the determinant into integer arithmetic with <see cref="BigInteger"/>. That path
/// allocates, but it runs only for degenerate or near-degenerate configurations.
/// </para>
/// <para>
/// The filter is trusted only above a magnitude where no intermediate value can be subnormal (the error bound assumes
/// none); below it the exact path decides. Coordinates must be finite.
/// </para>
/// </remarks>
internal static class ExactOrientation
{
    private const double Epsilon = 1.1102230246251565e-16; // 2^-53
    private const double ErrorBound = (3.0 + (16.0 * Epsilon)) * Epsilon;
    private const double SmallestTrusted = 1e-280;

    public static int Sign(double ax, double ay, double bx, double by, double cx, double cy)
    {
        double left = (bx - ax) * (cy - ay);
        double right = (by - ay) * (cx - ax);
        double determinant = left - right;
        double magnitude = Math.Abs(left) + Math.Abs(right);
        if (magnitude > SmallestTrusted)
        {
            double bound = ErrorBound * magnitude;
            if (determinant > bound)
            {
                return 1;
            }

            if (determinant < -bound)
            {
                return -1;
            }
        }

        return ExactSign(ax, ay, bx, by, cx, cy);
    }

    /// <summary>The sign computed with integers: each coordinate becomes mantissa · 2^(exponent − smallest exponent).</summary>
    private static int ExactSign(double ax, double ay, double bx, double by, double cx, double cy)
    {
        Span<double> values = [ax, ay, bx, by, cx, cy];
        Span<long> mantissas = stackalloc long[6];
        Span<int> exponents = stackalloc int[6];
        int smallest = int.MaxValue;
        for (int i = 0; i < 6; i++)
        {
            (mantissas[i], exponents[i]) = Decompose(values[i]);
            if (mantissas[i] != 0)
            {
                smallest = Math.Min(smallest, exponents[i]);
            }
        }

        if (smallest == int.MaxValue)
        {
            return 0;
        }

        Span<BigInteger> integers = new BigInteger[6];
        for (int i = 0; i < 6; i++)
        {
            integers[i] = new BigInteger(mantissas[i]) << (exponents[i] - smallest);
        }

        BigInteger determinant = ((integers[2] - integers[0]) * (integers[5] - integers[1]))
            - ((integers[3] - integers[1]) * (integers[4] - integers[0]));
        return determinant.Sign;
    }

    /// <summary>value = mantissa · 2^exponent exactly, mantissa carrying the sign (0 for ±0).</summary>
    private static (long Mantissa, int Exponent) Decompose(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Coordinates must be finite.");
        }

        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xF_FFFF_FFFF_FFFFL;
        if (biased == 0 && fraction == 0)
        {
            return (0, 0);
        }

        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = (biased == 0 ? 1 : biased) - 1075;
        return (negative ? -mantissa : mantissa, exponent);
    }
}
