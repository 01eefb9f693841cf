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
        var builder = new Builder();
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
    public static PolygonRings FromRing(IReadOnlyList<(double X, double Y)> vertices)
    {
        var builder = new Builder();
        builder.AddRing(vertices, hole: false);
        return builder.Build();
    }

    /// <summary>Whether both hold exactly the same edges in the same order (so the regions are identical).</summary>
    public bool SameEdges(PolygonRings other) =>
        Edges.AsSpan().SequenceEqual(other.Edges) && RingStarts.AsSpan().SequenceEqual(other.RingStarts);

    /// <summary>Collects rings, orienting each by the sign of its shoelace sum.</summary>
    private sealed class Builder
    {
        private readonly List<RingEdge> _edges = [];
        private readonly List<int> _starts = [];
        private double _twiceArea;
        private double _minX = double.PositiveInfinity, _maxX = double.NegativeInfinity, _minY = double.PositiveInfinity, _maxY = double.NegativeInfinity;

        public void AddRing(CoordinateSequence sequence, bool hole)
        {
            var vertices = new List<(double X, double Y)>(sequence.Count);
            for (int i = 0; i < sequence.Count; i++)
            {
                vertices.Add((sequence.GetX(i), sequence.GetY(i)));
            }

            AddRing(vertices, hole);
        }

        /// <summary>Adds a ring (closing vertex optional; consecutive duplicates skipped), reversed if its direction is wrong for a shell or hole.</summary>
        public void AddRing(IReadOnlyList<(double X, double Y)> vertices, bool hole)
        {
            var ring = new List<(double X, double Y)>(vertices.Count);
            foreach ((double X, double Y) vertex in vertices)
            {
                if (ring.Count == 0 || ring[^1] != vertex)
                {
                    ring.Add(vertex);
                }
            }

            while (ring.Count > 1 && ring[^1] == ring[0])
            {
                ring.RemoveAt(ring.Count - 1);
            }

            if (ring.Count < 3)
            {
                return;
            }

            double twiceSigned = 0;
            (double x0, double y0) = ring[0];
            for (int i = 1; i + 1 < ring.Count; i++)
            {
                twiceSigned += ((ring[i].X - x0) * (ring[i + 1].Y - y0)) - ((ring[i + 1].X - x0) * (ring[i].Y - y0));
            }

            if ((twiceSigned < 0) != hole)
            {
                ring.Reverse();
                twiceSigned = -twiceSigned;
            }

            _starts.Add(_edges.Count);
            for (int i = 0; i < ring.Count; i++)
            {
                (double ax, double ay) = ring[i];
                (double bx, double by) = ring[(i + 1) % ring.Count];
                _edges.Add(new RingEdge(ax, ay, bx, by, Math.Min(ax, bx), Math.Max(ax, bx), Math.Min(ay, by), Math.Max(ay, by)));
                _minX = Math.Min(_minX, ax);
                _maxX = Math.Max(_maxX, ax);
                _minY = Math.Min(_minY, ay);
                _maxY = Math.Max(_maxY, ay);
            }

            _twiceArea += twiceSigned;
        }

        public PolygonRings Build()
        {
            _starts.Add(_edges.Count);
            Envelope envelope = _edges.Count == 0 ? new Envelope() : new Envelope(_minX, _maxX, _minY, _maxY);
            return new PolygonRings([.. _edges], [.. _starts], Math.Max(0, _twiceArea / 2), envelope);
        }
    }
}
