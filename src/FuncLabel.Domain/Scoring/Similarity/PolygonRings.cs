using FuncLabel.Domain.Geometry;
using NetTopologySuite.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>One directed boundary edge with its envelope, laid out flat so the pair sweep reads one cache line per edge.</summary>
internal readonly record struct RingEdge(double X0, double Y0, double X1, double Y1, double MinX, double MaxX, double MinY, double MaxY);

/// <summary>
/// The boundary of a valid polygonal region as flat arrays of directed edges, oriented so that the region lies on the
/// left of every edge (in x-right, y-up terms: shells counter-clockwise, holes clockwise; the signed shoelace area of a
/// shell is positive and of a hole negative), with the region's area and envelope. Built once per instance so that
/// <see cref="BoundaryIntersection"/> allocates nothing per compared pair.
/// </summary>
/// <remarks>
/// Only the ring structure is kept, not which hole belongs to which shell: for a valid region the even-odd rule over
/// all rings decides inside, and Green's theorem only needs each ring's direction.
/// </remarks>
internal sealed class PolygonRings
{
    private PolygonRings(RingEdge[] edges, int[] ringStarts, double area, Envelope envelope)
    {
        Edges = edges;
        RingStarts = ringStarts;
        Area = area;
        Envelope = envelope;
    }

    /// <summary>All edges, ring after ring; the edges of ring r are <c>RingStarts[r] .. RingStarts[r + 1] − 1</c>, each ending where the next starts.</summary>
    public RingEdge[] Edges { get; }

    /// <summary>The first edge of every ring, then the edge count.</summary>
    public int[] RingStarts { get; }

    public int RingCount => RingStarts.Length - 1;

    public double Area { get; }

    public Envelope Envelope { get; }

    /// <summary>
    /// Whether the region is one axis-aligned rectangle: a single ring of 4 edges, each parallel to an axis, with
    /// every vertex a corner of the envelope.
    /// </summary>
    public bool IsRectangle
    {
        get
        {
            if (RingCount != 1 || Edges.Length != 4)
            {
                return false;
            }

            foreach (RingEdge edge in Edges)
            {
                bool corner = (edge.X0 == Envelope.MinX || edge.X0 == Envelope.MaxX) && (edge.Y0 == Envelope.MinY || edge.Y0 == Envelope.MaxY);
                bool axisParallel = (edge.X0 == edge.X1) != (edge.Y0 == edge.Y1);
                if (!corner || !axisParallel)
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>The rings of a valid polygonal NetTopologySuite geometry (polygon or multipolygon).</summary>
    public static PolygonRings FromGeometry(NtsGeometry geometry)
    {
        var builder = new Builder(geometry.NumPoints);
        for (int i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon { IsEmpty: false } polygon)
            {
                continue;
            }

            builder.AddRing(polygon.ExteriorRing.CoordinateSequence, hole: false);
            foreach (LineString hole in polygon.InteriorRings)
            {
                builder.AddRing(hole.CoordinateSequence, hole: true);
            }
        }

        return builder.Build();
    }

    /// <summary>The single ring of a simple polygon given by its vertices, implicitly closed.</summary>
    public static PolygonRings FromRing(IReadOnlyList<PixelPoint> vertices)
    {
        var builder = new Builder(vertices.Count);
        (double[] xs, double[] ys) = Builder.Buffers(vertices.Count);
        for (int i = 0; i < vertices.Count; i++)
        {
            xs[i] = vertices[i].X;
            ys[i] = vertices[i].Y;
        }

        builder.AddRing(xs, ys, vertices.Count, hole: false);
        return builder.Build();
    }

    /// <summary>Whether both hold exactly the same edges in the same order (so the regions are identical).</summary>
    public bool SameEdges(PolygonRings other) =>
        Edges.AsSpan().SequenceEqual(other.Edges) && RingStarts.AsSpan().SequenceEqual(other.RingStarts);

    /// <summary>
    /// Collects rings into one edge array sized up front (a prepared polygon should leave little garbage: scenes
    /// prepare thousands), orienting each ring by the sign of its shoelace sum.
    /// </summary>
    private sealed class Builder(int capacity)
    {
        [ThreadStatic]
        private static double[]? _xs;

        [ThreadStatic]
        private static double[]? _ys;

        private readonly List<int> _starts = new(2);
        private RingEdge[] _edges = new RingEdge[Math.Max(capacity, 3)];
        private int _count;
        private double _twiceArea;
        private double _minX = double.PositiveInfinity, _maxX = double.NegativeInfinity, _minY = double.PositiveInfinity, _maxY = double.NegativeInfinity;

        /// <summary>Per-thread coordinate buffers of at least <paramref name="size"/> (contents are scratch).</summary>
        public static (double[] Xs, double[] Ys) Buffers(int size)
        {
            if (_xs is null || _xs.Length < size)
            {
                _xs = new double[Math.Max(size, 64)];
                _ys = new double[_xs.Length];
            }

            return (_xs, _ys!);
        }

        public void AddRing(CoordinateSequence sequence, bool hole)
        {
            (double[] xs, double[] ys) = Buffers(sequence.Count);
            for (int i = 0; i < sequence.Count; i++)
            {
                xs[i] = sequence.GetX(i);
                ys[i] = sequence.GetY(i);
            }

            AddRing(xs, ys, sequence.Count, hole);
        }

        /// <summary>
        /// Adds a ring given by its first <paramref name="n"/> vertices (closing vertex optional; consecutive duplicates
        /// skipped; the buffers are compacted in place), reversed if its direction is wrong for a shell or hole.
        /// </summary>
        public void AddRing(double[] xs, double[] ys, int n, bool hole)
        {
            int m = 0;
            for (int i = 0; i < n; i++)
            {
                if (m == 0 || xs[i] != xs[m - 1] || ys[i] != ys[m - 1])
                {
                    xs[m] = xs[i];
                    ys[m] = ys[i];
                    m++;
                }
            }

            while (m > 1 && xs[m - 1] == xs[0] && ys[m - 1] == ys[0])
            {
                m--;
            }

            if (m < 3)
            {
                return;
            }

            double twiceSigned = 0;
            for (int i = 1; i + 1 < m; i++)
            {
                twiceSigned += ((xs[i] - xs[0]) * (ys[i + 1] - ys[0])) - ((xs[i + 1] - xs[0]) * (ys[i] - ys[0]));
            }

            bool reverse = (twiceSigned < 0) != hole;
            _twiceArea += reverse ? -twiceSigned : twiceSigned;
            if (_edges.Length < _count + m)
            {
                Array.Resize(ref _edges, _count + m);
            }

            _starts.Add(_count);
            for (int i = 0; i < m; i++)
            {
                int from = reverse ? m - 1 - i : i;
                int to = reverse ? (from == 0 ? m - 1 : from - 1) : (from + 1 == m ? 0 : from + 1);
                double ax = xs[from], ay = ys[from], bx = xs[to], by = ys[to];
                _edges[_count++] = new RingEdge(ax, ay, bx, by, Math.Min(ax, bx), Math.Max(ax, bx), Math.Min(ay, by), Math.Max(ay, by));
                _minX = Math.Min(_minX, ax);
                _maxX = Math.Max(_maxX, ax);
                _minY = Math.Min(_minY, ay);
                _maxY = Math.Max(_maxY, ay);
            }
        }

        public PolygonRings Build()
        {
            _starts.Add(_count);
            if (_edges.Length != _count)
            {
                Array.Resize(ref _edges, _count);
            }

            Envelope envelope = _count == 0 ? new Envelope() : new Envelope(_minX, _maxX, _minY, _maxY);
            return new PolygonRings(_edges, [.. _starts], Math.Max(0, _twiceArea / 2), envelope);
        }
    }
}
