using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// The area of the intersection of two polygonal regions computed from their boundaries alone, without building the
/// intersection: no overlay graph, no allocation per pair.
/// </summary>
/// <remarks>
/// <para>
/// <b>Green's theorem.</b> The area of a region R is ½∮(x dy − y dx) over its boundary traversed with R on the left.
/// The boundary of A ∩ B is made of the parts of A's boundary that lie inside B and the parts of B's boundary that
/// lie inside A (when the boundaries cross only transversally), each keeping its own direction. So |A ∩ B| is the
/// sum, over every edge of both regions, of ½ (P × Q) over the sub-segments P → Q of that edge lying inside the other
/// region. <see cref="PolygonRings"/> orients every ring so its region lies on its left.
/// </para>
/// <para>
/// <b>Crossings.</b> The edges of A whose envelopes meet B's envelope, and those of B meeting A's, are sorted by x and
/// swept so that only pairs with overlapping x-ranges are tested (O(n·m) at worst, about O((n + m) log(n + m)) for
/// the polygons people draw, whose boundaries cross a vertical line a few times). A crossing point splits both edges; the same computed point ends a sub-segment of each, so
/// both sides integrate over identical points.
/// </para>
/// <para>
/// <b>Inside or outside.</b> The first vertex of every ring is located in the other region by the crossing-number
/// rule; from there, the state flips at every crossing along the ring. An edge that does not meet the other region's
/// envelope is outside it.
/// </para>
/// <para>
/// <b>Degenerate configurations are refused, not guessed.</b> All decisions use <see cref="ExactOrientation"/>, so
/// they are exact. When a vertex of one region lies on the other's boundary (a shared vertex, a vertex on an edge, or
/// collinear overlapping edges: touching and shared-edge pairs), the rule above no longer holds as stated (shared
/// edges must be counted once when both regions lie on the same side and not at all otherwise), and
/// <see cref="TryArea"/> answers false; the caller then uses the general overlay. Transversal crossings of two edge
/// interiors are the only contacts the fast path accepts.
/// </para>
/// <para>
/// Coordinates are taken relative to the centre of the two envelopes' intersection before the cross products, which
/// keeps the terms small and the sum translation-invariant to rounding.
/// </para>
/// </remarks>
internal static class BoundaryIntersection
{
    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>
    /// |A ∩ B| when the boundaries meet only in transversal crossings of edge interiors (or not at all); false when
    /// they touch in any other way, in which case <paramref name="area"/> is 0 and must not be used.
    /// </summary>
    public static bool TryArea(PolygonRings a, PolygonRings b, out double area)
    {
        area = 0;
        Scratch scratch = _scratch ??= new Scratch();
        double minX = Math.Max(a.Envelope.MinX, b.Envelope.MinX), maxX = Math.Min(a.Envelope.MaxX, b.Envelope.MaxX);
        double minY = Math.Max(a.Envelope.MinY, b.Envelope.MinY), maxY = Math.Min(a.Envelope.MaxY, b.Envelope.MaxY);
        if (minX > maxX || minY > maxY)
        {
            return true;
        }

        int countA = EdgesMeeting(a.Edges, minX, maxX, minY, maxY, ref scratch.EdgesA);
        int countB = EdgesMeeting(b.Edges, minX, maxX, minY, maxY, ref scratch.EdgesB);
        if (!FindCrossings(a.Edges, scratch.EdgesA.AsSpan(0, countA), b.Edges, scratch.EdgesB.AsSpan(0, countB), scratch))
        {
            return false;
        }

        int crossings = scratch.Count;
        scratch.EnsureOrder(crossings, Math.Max(a.Edges.Length, b.Edges.Length));
        Span<int> orderA = scratch.OrderA.AsSpan(0, crossings);
        Span<int> orderB = scratch.OrderB.AsSpan(0, crossings);
        GroupByEdge(scratch.EdgeA, crossings, a.Edges.Length, scratch.GroupStart, orderA);
        SortGroups(orderA, scratch.EdgeA, scratch.TA);
        GroupByEdge(scratch.EdgeB, crossings, b.Edges.Length, scratch.GroupStart, orderB);
        SortGroups(orderB, scratch.EdgeB, scratch.TB);

        double originX = 0.5 * (minX + maxX), originY = 0.5 * (minY + maxY);
        double twice = 0;
        if (!Integrate(a, b, orderA, scratch.EdgeA, scratch, originX, originY, ref twice)
            || !Integrate(b, a, orderB, scratch.EdgeB, scratch, originX, originY, ref twice))
        {
            return false;
        }

        area = Math.Max(0, twice / 2);
        return true;
    }

    /// <summary>Indices of the edges whose envelope meets the box.</summary>
    private static int EdgesMeeting(RingEdge[] edges, double minX, double maxX, double minY, double maxY, ref int[] into)
    {
        if (into.Length < edges.Length)
        {
            into = new int[Math.Max(edges.Length, 2 * into.Length)];
        }

        int count = 0;
        for (int i = 0; i < edges.Length; i++)
        {
            ref readonly RingEdge e = ref edges[i];
            if (e.MaxX >= minX && e.MinX <= maxX && e.MaxY >= minY && e.MinY <= maxY)
            {
                into[count++] = i;
            }
        }

        return count;
    }

    /// <summary>
    /// Records every transversal crossing; false at the first contact of any other kind. Both candidate lists are
    /// sorted by the left end of their edges' x-ranges and swept, so only pairs whose x-ranges overlap are looked at
    /// (a boundary crosses any vertical line a few times, so that is a few per edge instead of all m).
    /// </summary>
    private static bool FindCrossings(RingEdge[] edgesA, Span<int> candidatesA, RingEdge[] edgesB, Span<int> candidatesB, Scratch scratch)
    {
        scratch.Count = 0;
        SortByMinX(candidatesA, edgesA);
        SortByMinX(candidatesB, edgesB);
        int nextA = 0, nextB = 0;
        while (nextA < candidatesA.Length && nextB < candidatesB.Length)
        {
            // Each pair whose x-ranges overlap is met once: from the edge whose range starts first (A on ties).
            if (edgesA[candidatesA[nextA]].MinX <= edgesB[candidatesB[nextB]].MinX)
            {
                int i = candidatesA[nextA++];
                ref readonly RingEdge p = ref edgesA[i];
                for (int k = nextB; k < candidatesB.Length && edgesB[candidatesB[k]].MinX <= p.MaxX; k++)
                {
                    int j = candidatesB[k];
                    if (!Test(i, j, p, edgesB[j], scratch))
                    {
                        return false;
                    }
                }
            }
            else
            {
                int j = candidatesB[nextB++];
                ref readonly RingEdge q = ref edgesB[j];
                for (int k = nextA; k < candidatesA.Length && edgesA[candidatesA[k]].MinX <= q.MaxX; k++)
                {
                    int i = candidatesA[k];
                    if (!Test(i, j, edgesA[i], q, scratch))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>Tests one pair of edges whose x-ranges overlap; records a transversal crossing, false for any other contact.</summary>
    private static bool Test(int i, int j, in RingEdge p, in RingEdge q, Scratch scratch)
    {
        if (q.MaxY < p.MinY || q.MinY > p.MaxY)
        {
            return true;
        }

        int d1 = ExactOrientation.Sign(p.X0, p.Y0, p.X1, p.Y1, q.X0, q.Y0);
        int d2 = ExactOrientation.Sign(p.X0, p.Y0, p.X1, p.Y1, q.X1, q.Y1);
        if (d1 == d2 && d1 != 0)
        {
            return true;
        }

        int d3 = ExactOrientation.Sign(q.X0, q.Y0, q.X1, q.Y1, p.X0, p.Y0);
        int d4 = ExactOrientation.Sign(q.X0, q.Y0, q.X1, q.Y1, p.X1, p.Y1);
        if (d3 == d4 && d3 != 0)
        {
            return true;
        }

        if (d1 != 0 && d2 != 0 && d3 != 0 && d4 != 0)
        {
            scratch.Add(i, j, p, q);
            return true;
        }

        // A zero orientation puts an endpoint on the other edge's line; the segments meet only if it lies on the
        // other segment itself (a collinear point is on the segment exactly when it is in its envelope).
        return !((d1 == 0 && Within(p, q.X0, q.Y0)) || (d2 == 0 && Within(p, q.X1, q.Y1))
            || (d3 == 0 && Within(q, p.X0, p.Y0)) || (d4 == 0 && Within(q, p.X1, p.Y1)));
    }

    /// <summary>Insertion sort of edge indices by the left end of their x-range (lists are short and often nearly sorted).</summary>
    private static void SortByMinX(Span<int> indices, RingEdge[] edges)
    {
        for (int i = 1; i < indices.Length; i++)
        {
            int index = indices[i];
            double key = edges[index].MinX;
            int j = i - 1;
            while (j >= 0 && edges[indices[j]].MinX > key)
            {
                indices[j + 1] = indices[j];
                j--;
            }

            indices[j + 1] = index;
        }
    }

    private static bool Within(in RingEdge edge, double x, double y) =>
        x >= edge.MinX && x <= edge.MaxX && y >= edge.MinY && y <= edge.MaxY;

    /// <summary>
    /// Adds twice the signed area contributed by the parts of <paramref name="region"/>'s boundary inside
    /// <paramref name="other"/>. <paramref name="order"/> lists the crossings grouped by this region's edge in
    /// increasing edge order, each group sorted along its edge. False if a ring's first vertex lies on the other boundary.
    /// </summary>
    private static bool Integrate(PolygonRings region, PolygonRings other, ReadOnlySpan<int> order, int[] edgeOf, Scratch scratch, double ox, double oy, ref double twice)
    {
        RingEdge[] edges = region.Edges;
        int cursor = 0;
        for (int r = 0; r < region.RingCount; r++)
        {
            int first = region.RingStarts[r], end = region.RingStarts[r + 1];
            int state = Locate(edges[first].X0, edges[first].Y0, other);
            if (state < 0)
            {
                return false;
            }

            bool inside = state == 1;
            for (int e = first; e < end; e++)
            {
                ref readonly RingEdge edge = ref edges[e];
                double fromX = edge.X0 - ox, fromY = edge.Y0 - oy;
                while (cursor < order.Length && edgeOf[order[cursor]] == e)
                {
                    int k = order[cursor++];
                    double toX = scratch.X[k] - ox, toY = scratch.Y[k] - oy;
                    if (inside)
                    {
                        twice += (fromX * toY) - (toX * fromY);
                    }

                    inside = !inside;
                    fromX = toX;
                    fromY = toY;
                }

                if (inside)
                {
                    double toX = edge.X1 - ox, toY = edge.Y1 - oy;
                    twice += (fromX * toY) - (toX * fromY);
                }
            }
        }

        return true;
    }

    /// <summary>1 inside, 0 outside, −1 on the boundary of the region (exact crossing-number rule, half-open in y).</summary>
    private static int Locate(double x, double y, PolygonRings region)
    {
        Envelope envelope = region.Envelope;
        if (x < envelope.MinX || x > envelope.MaxX || y < envelope.MinY || y > envelope.MaxY)
        {
            return 0;
        }

        bool inside = false;
        foreach (ref readonly RingEdge edge in region.Edges.AsSpan())
        {
            if (edge.MaxY < y || edge.MinY > y || edge.MaxX < x)
            {
                continue;
            }

            int side = ExactOrientation.Sign(edge.X0, edge.Y0, edge.X1, edge.Y1, x, y);
            if (side == 0 && edge.MinX <= x)
            {
                return -1;
            }

            if (edge.Y0 <= y && y < edge.Y1 && side > 0)
            {
                inside = !inside;
            }
            else if (edge.Y1 <= y && y < edge.Y0 && side < 0)
            {
                inside = !inside;
            }
        }

        return inside ? 1 : 0;
    }

    /// <summary>Counting sort of crossing indices by edge, so each edge's crossings are contiguous and edges ascend.</summary>
    private static void GroupByEdge(int[] edgeOf, int count, int edgeCount, int[] groupStart, Span<int> order)
    {
        Array.Clear(groupStart, 0, edgeCount + 1);
        for (int k = 0; k < count; k++)
        {
            groupStart[edgeOf[k] + 1]++;
        }

        for (int e = 0; e < edgeCount; e++)
        {
            groupStart[e + 1] += groupStart[e];
        }

        for (int k = 0; k < count; k++)
        {
            order[groupStart[edgeOf[k]]++] = k;
        }
    }

    /// <summary>Insertion sort of each run of equal edge by the parameter along the edge (runs are short).</summary>
    private static void SortGroups(Span<int> order, int[] edgeOf, double[] parameter)
    {
        for (int i = 1; i < order.Length; i++)
        {
            int k = order[i];
            int j = i - 1;
            while (j >= 0 && edgeOf[order[j]] == edgeOf[k] && parameter[order[j]] > parameter[k])
            {
                order[j + 1] = order[j];
                j--;
            }

            order[j + 1] = k;
        }
    }

    /// <summary>Per-thread buffers reused across pairs: crossings as parallel arrays, and the orderings over them.</summary>
    private sealed class Scratch
    {
        public int[] EdgesA = new int[64];
        public int[] EdgesB = new int[64];
        public int[] EdgeA = new int[64];
        public int[] EdgeB = new int[64];
        public double[] TA = new double[64];
        public double[] TB = new double[64];
        public double[] X = new double[64];
        public double[] Y = new double[64];
        public int[] OrderA = new int[64];
        public int[] OrderB = new int[64];
        public int[] GroupStart = new int[65];
        public int Count;

        /// <summary>Records the crossing of two edges whose interiors cross transversally (exact signs already checked).</summary>
        public void Add(int i, int j, in RingEdge p, in RingEdge q)
        {
            if (Count == X.Length)
            {
                int size = 2 * Count;
                Array.Resize(ref EdgeA, size);
                Array.Resize(ref EdgeB, size);
                Array.Resize(ref TA, size);
                Array.Resize(ref TB, size);
                Array.Resize(ref X, size);
                Array.Resize(ref Y, size);
            }

            double px = p.X1 - p.X0, py = p.Y1 - p.Y0, qx = q.X1 - q.X0, qy = q.Y1 - q.Y0;
            double d3 = (qx * (p.Y0 - q.Y0)) - (qy * (p.X0 - q.X0));
            double d4 = (qx * (p.Y1 - q.Y0)) - (qy * (p.X1 - q.X0));
            double d1 = (px * (q.Y0 - p.Y0)) - (py * (q.X0 - p.X0));
            double d2 = (px * (q.Y1 - p.Y0)) - (py * (q.X1 - p.X0));
            double ta = Parameter(d3, d4);
            double tb = Parameter(d1, d2);
            EdgeA[Count] = i;
            EdgeB[Count] = j;
            TA[Count] = ta;
            TB[Count] = tb;
            X[Count] = p.X0 + (ta * px);
            Y[Count] = p.Y0 + (ta * py);
            Count++;
        }

        /// <summary>
        /// Where along an edge the other edge's line crosses it, from the signed distances (scaled alike) of its ends:
        /// the exact signs differ, but near-parallel edges can round both values alike, so the result is kept in [0, 1].
        /// </summary>
        private static double Parameter(double from, double to)
        {
            double t = from / (from - to);
            return double.IsFinite(t) ? Math.Clamp(t, 0.0, 1.0) : 0.5;
        }

        public void EnsureOrder(int count, int edges)
        {
            if (OrderA.Length < count)
            {
                OrderA = new int[Math.Max(count, 2 * OrderA.Length)];
                OrderB = new int[OrderA.Length];
            }

            if (GroupStart.Length < edges + 1)
            {
                GroupStart = new int[edges + 1];
            }
        }
    }
}
