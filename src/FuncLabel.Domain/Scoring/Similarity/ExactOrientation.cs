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
/// nearly collinear points, the cases that decide touching and shared edges) is the determinant recomputed exactly.
/// </para>
/// <para>
/// The exact path expands the determinant into six products of coordinates (bx·cy − bx·ay − ax·cy − by·cx + by·ax +
/// ay·cx), splits each into its rounded value and its rounding error with a fused multiply-add (both exact), and adds
/// the twelve doubles into a floating-point expansion with error-free two-sums (Shewchuk's grow-expansion): the
/// components do not overlap and grow in magnitude, so the sign of the largest nonzero one is the sign of the
/// determinant. No allocation, so touching and shared-edge pairs, which hit this path for every collinear test, stay
/// cheap. The products are exact only when no product or error underflows or overflows, so coordinates outside
/// 2^±450 in magnitude (never pixel coordinates) take a <see cref="BigInteger"/> path instead: every double is an
/// integer times a power of two, so scaling all six by the smallest power involved makes the determinant integer
/// arithmetic.
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
    private static readonly double MinExpansionMagnitude = Math.ScaleB(1.0, -450);
    private static readonly double MaxExpansionMagnitude = Math.ScaleB(1.0, 450);

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

        return InExpansionRange(ax, ay, bx, by, cx, cy) ? ExpansionSign(ax, ay, bx, by, cx, cy) : ExactSign(ax, ay, bx, by, cx, cy);
    }

    private static bool InExpansionRange(double ax, double ay, double bx, double by, double cx, double cy) =>
        InRange(ax) && InRange(ay) && InRange(bx) && InRange(by) && InRange(cx) && InRange(cy);

    /// <summary>Zero, or a finite magnitude in [2^−450, 2^450], where products and their errors stay normal doubles.</summary>
    private static bool InRange(double value)
    {
        double magnitude = Math.Abs(value);
        return magnitude == 0 || (magnitude >= MinExpansionMagnitude && magnitude <= MaxExpansionMagnitude);
    }

    /// <summary>The exact sign as a twelve-term expansion sum (see remarks).</summary>
    private static int ExpansionSign(double ax, double ay, double bx, double by, double cx, double cy)
    {
        Span<double> expansion = stackalloc double[12];
        int length = 0;
        length = AddProduct(expansion, length, bx, cy);
        length = AddProduct(expansion, length, -bx, ay);
        length = AddProduct(expansion, length, -ax, cy);
        length = AddProduct(expansion, length, -by, cx);
        length = AddProduct(expansion, length, by, ax);
        length = AddProduct(expansion, length, ay, cx);
        for (int i = length - 1; i >= 0; i--)
        {
            if (expansion[i] != 0)
            {
                return expansion[i] > 0 ? 1 : -1;
            }
        }

        return 0;
    }

    /// <summary>Adds x·y exactly: its rounded product and the rounding error (an exact double by the FMA).</summary>
    private static int AddProduct(Span<double> expansion, int length, double x, double y)
    {
        double product = x * y;
        double error = Math.FusedMultiplyAdd(x, y, -product);
        length = Grow(expansion, length, error);
        return Grow(expansion, length, product);
    }

    /// <summary>
    /// Shewchuk's grow-expansion with zero elimination: adds one double to a nonoverlapping expansion of increasing
    /// magnitude, keeping both properties.
    /// </summary>
    private static int Grow(Span<double> expansion, int length, double value)
    {
        if (value == 0)
        {
            return length;
        }

        double carry = value;
        int kept = 0;
        for (int i = 0; i < length; i++)
        {
            double sum = carry + expansion[i];
            double virtualB = sum - carry;
            double error = (carry - (sum - virtualB)) + (expansion[i] - virtualB);
            carry = sum;
            if (error != 0)
            {
                expansion[kept++] = error;
            }
        }

        expansion[kept++] = carry;
        return kept;
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
