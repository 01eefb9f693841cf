using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// A polyline prepared for <see cref="PolylineSimilarity"/>: its vertices, and a fixed number of
/// points spaced evenly along its arc length (both ends included), computed once per instance.
/// </summary>
internal sealed class SampledPolyline
{
    private SampledPolyline(double[] xs, double[] ys, double[] sampleXs, double[] sampleYs, Envelope envelope)
    {
        Xs = xs;
        Ys = ys;
        SampleXs = sampleXs;
        SampleYs = sampleYs;
        Envelope = envelope;
    }

    public double[] Xs { get; }

    public double[] Ys { get; }

    public double[] SampleXs { get; }

    public double[] SampleYs { get; }

    public Envelope Envelope { get; }

    /// <summary>Prepares a polyline of at least one vertex with <paramref name="samples"/> ≥ 2 evenly spaced samples.</summary>
    public static SampledPolyline From(IReadOnlyList<(double X, double Y)> vertices, int samples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(vertices.Count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        var xs = new double[vertices.Count];
        var ys = new double[vertices.Count];
        var envelope = new Envelope();
        for (int i = 0; i < vertices.Count; i++)
        {
            xs[i] = vertices[i].X;
            ys[i] = vertices[i].Y;
            envelope.ExpandToInclude(xs[i], ys[i]);
        }

        var cumulative = new double[xs.Length];
        for (int i = 1; i < xs.Length; i++)
        {
            cumulative[i] = cumulative[i - 1] + Distance(xs[i - 1], ys[i - 1], xs[i], ys[i]);
        }

        double length = cumulative[^1];
        var sampleXs = new double[samples];
        var sampleYs = new double[samples];
        int segment = 0;
        for (int k = 0; k < samples; k++)
        {
            double target = length * k / (samples - 1);
            while (segment < xs.Length - 2 && cumulative[segment + 1] < target)
            {
                segment++;
            }

            if (xs.Length == 1)
            {
                sampleXs[k] = xs[0];
                sampleYs[k] = ys[0];
                continue;
            }

            double span = cumulative[segment + 1] - cumulative[segment];
            double t = span > 0 ? Math.Clamp((target - cumulative[segment]) / span, 0.0, 1.0) : 0.0;
            sampleXs[k] = xs[segment] + (t * (xs[segment + 1] - xs[segment]));
            sampleYs[k] = ys[segment] + (t * (ys[segment + 1] - ys[segment]));
        }

        return new SampledPolyline(xs, ys, sampleXs, sampleYs, envelope);
    }

    /// <summary>The distance from a point to the nearest point of this polyline.</summary>
    public double DistanceTo(double x, double y)
    {
        if (Xs.Length == 1)
        {
            return Distance(x, y, Xs[0], Ys[0]);
        }

        double best = double.PositiveInfinity;
        for (int i = 0; i + 1 < Xs.Length; i++)
        {
            best = Math.Min(best, SegmentDistance(x, y, Xs[i], Ys[i], Xs[i + 1], Ys[i + 1]));
        }

        return best;
    }

    private static double SegmentDistance(double px, double py, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax;
        double dy = by - ay;
        double lengthSquared = (dx * dx) + (dy * dy);
        double t = lengthSquared > 0 ? Math.Clamp((((px - ax) * dx) + ((py - ay) * dy)) / lengthSquared, 0.0, 1.0) : 0.0;
        return Distance(px, py, ax + (t * dx), ay + (t * dy));
    }

    private static double Distance(double x1, double y1, double x2, double y2)
    {
        double dx = x1 - x2;
        double dy = y1 - y2;
        return Math.Sqrt((dx * dx) + (dy * dy));
    }
}
