using NetTopologySuite.Geometries;

namespace FuncLabel.Domain.Scoring.Similarity;

/// <summary>
/// The area of the intersection of two polygonal regions computed from their boundaries alone, without building the
/// intersection: no overlay graph, no allocation per pair, and exact for every pair of valid regions, touching ones
/// included.
/// </summary>
/// <remarks>
/// <para>
/// <b>Green's theorem.</b> The area of a region R is ½∮(x dy − y dx) over its boundary traversed with R on the left.
/// When the boundaries of A and B cross only transversally, the boundary of A ∩ B is made of the parts of A's boundary
/// inside B and the parts of B's boundary inside A, each keeping its own direction. So |A ∩ B| is the sum, over every
/// edge of both regions, of ½ (P × Q) over the sub-segments P → Q of that edge lying inside the other region.
/// <see cref="PolygonRings"/> orients every ring so its region lies on its left.
/// </para>
/// <para>
/// <b>Touching boundaries: symbolic perturbation.</b> Shared vertices, vertices on edges and collinear overlapping
/// edges break the rule above as stated (a shared edge belongs to ∂(A ∩ B) once when both regions lie on the same side
/// of it, and not at all otherwise). Instead of special cases, every decision is taken as if B were translated by
/// δ = (ε, ε²) for an infinitesimal ε > 0. |A ∩ (B + δ)| is continuous in δ, so its limit is |A ∩ B|; and A and B + δ
/// meet only in transversal crossings (a collinear pair of edges becomes parallel and apart, a vertex on an edge moves
/// off it), so the rule holds for them. Each orientation that is exactly zero gets the sign of its ε-term, which
/// depends only on the direction of the edge involved (<see cref="TieOfA"/>, <see cref="TieOfB"/>); the crossing
/// points and the integral are then evaluated at ε = 0, where a crossing of an edge through a vertex is that vertex
/// exactly. A shared edge with both regions on one side thus comes out once (B's copy is inside A, A's copy is not
/// inside B + δ), and with the regions on opposite sides twice in opposite directions, which cancels. Nothing is
/// refused: this is the only path for polygon pairs.
/// </para>
/// <para>
/// <b>Crossings.</b> The edges of A whose envelopes meet B's envelope, and those of B meeting A's, are sorted by x and
/// swept so that only pairs with overlapping x-ranges are tested (O(n·m) at worst, about O((n + m) log(n + m)) for the
/// polygons people draw, whose boundaries cross a vertical line a few times). Every range comparison is closed, so
/// pairs that only touch are tested too. A crossing point splits both edges; the same computed point ends a
/// sub-segment of each, so both sides integrate over identical points. Crossings are ordered along an edge by their
/// coordinate on the edge's longer axis, so crossings at the same point tie and the piece between them is exactly 0.
/// </para>
/// <para>
/// <b>Inside or outside.</b> The first vertex of every ring is located in the other region (perturbed the same way, so
/// it is never on the other boundary) by the crossing-number rule; from there, the state flips at every crossing along
/// the ring. An edge that does not meet the other region's envelope is outside it.
/// </para>
/// <para>
/// All decisions use <see cref="ExactOrientation"/>, so they are exact. Coordinates are taken relative to the centre
/// of the two envelopes' intersection before the cross products, which keeps the terms small and the sum
/// translation-invariant to rounding.
/// </para>
/// </remarks>
internal static class BoundaryIntersection
{
    [ThreadStatic]
    private static Scratch? _scratch;

    /// <summary>|A ∩ B| of two valid polygonal regions.</summary>
    public static double Area(PolygonRings a, PolygonRings b)
    {
        Scratch scratch = _scratch ??= new Scratch();
        double minX = Math.Max(a.Envelope.MinX, b.Envelope.MinX), maxX = Math.Min(a.Envelope.MaxX, b.Envelope.MaxX);
        double minY = Math.Max(a.Envelope.MinY, b.Envelope.MinY), maxY = Math.Min(a.Envelope.MaxY, b.Envelope.MaxY);
        if (minX > maxX || minY > maxY)
        {
            return 0;
        }

        int countA = EdgesMeeting(a.Edges, minX, maxX, minY, maxY, ref scratch.EdgesA);
        int countB = EdgesMeeting(b.Edges, minX, maxX, minY, maxY, ref scratch.EdgesB);
        FindCrossings(a.Edges, scratch.EdgesA.AsSpan(0, countA), b.Edges, scratch.EdgesB.AsSpan(0, countB), scratch);

        int crossings = scratch.Count;
        scratch.EnsureOrder(crossings, Math.Max(a.Edges.Length, b.Edges.Length));
        Span<int> orderA = scratch.OrderA.AsSpan(0, crossings);
        Span<int> orderB = scratch.OrderB.AsSpan(0, crossings);
        GroupByEdge(scratch.EdgeA, crossings, a.Edges.Length, scratch.GroupStart, orderA);
        SortGroups(orderA, scratch.EdgeA, scratch.TA);
        GroupByEdge(scratch.EdgeB, crossings, b.Edges.Length, scratch.GroupStart, orderB);
        SortGroups(orderB, scratch.EdgeB, scratch.TB);

        double originX = 0.5 * (minX + maxX), originY = 0.5 * (minY + maxY);
        double twice = Integrate(a, b, shiftedUp: false, orderA, scratch.EdgeA, scratch, originX, originY)
            + Integrate(b, a, shiftedUp: true, orderB, scratch.EdgeB, scratch, originX, originY);
        return Math.Max(0, twice / 2);
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
    /// Records every crossing of A with B + δ. Both candidate lists are sorted by the left end of their edges' x-ranges
    /// and swept, so only pairs whose x-ranges overlap are looked at (a boundary crosses any vertical line a few times,
    /// so that is a few per edge instead of all m).
    /// </summary>
    private static void FindCrossings(RingEdge[] edgesA, Span<int> candidatesA, RingEdge[] edgesB, Span<int> candidatesB, Scratch scratch)
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
                    Test(i, j, p, edgesB[j], scratch);
                }
            }
            else
            {
                int j = candidatesB[nextB++];
                ref readonly RingEdge q = ref edgesB[j];
                for (int k = nextA; k < candidatesA.Length && edgesA[candidatesA[k]].MinX <= q.MaxX; k++)
                {
                    int i = candidatesA[k];
                    Test(i, j, edgesA[i], q, scratch);
                }
            }
        }
    }

    /// <summary>
    /// Tests one edge p of A against one edge q of B whose x-ranges overlap and records their crossing if p crosses
    /// q + δ. With the perturbation no orientation is zero, so the segments cross exactly when each separates the
    /// other's ends.
    /// </summary>
    private static void Test(int i, int j, in RingEdge p, in RingEdge q, Scratch scratch)
    {
        if (q.MaxY < p.MinY || q.MinY > p.MaxY)
        {
            return;
        }

        int o1 = ExactOrientation.Sign(p.X0, p.Y0, p.X1, p.Y1, q.X0, q.Y0);
        int o2 = ExactOrientation.Sign(p.X0, p.Y0, p.X1, p.Y1, q.X1, q.Y1);
        if (o1 == o2)
        {
            // Both ends on one side, or both on p's line (their ε-terms are equal: q + δ is parallel to p and apart).
            return;
        }

        if ((o1 == 0 ? TieOfA(p) : o1) == (o2 == 0 ? TieOfA(p) : o2))
        {
            return;
        }

        int o3 = ExactOrientation.Sign(q.X0, q.Y0, q.X1, q.Y1, p.X0, p.Y0);
        int o4 = ExactOrientation.Sign(q.X0, q.Y0, q.X1, q.Y1, p.X1, p.Y1);
        if ((o3 == 0 ? TieOfB(q) : o3) == (o4 == 0 ? TieOfB(q) : o4))
        {
            return;
        }

        scratch.Add(i, j, p, q, o1, o2, o3, o4);
    }

    /// <summary>
    /// The sign of orient(p₀, p₁, c + δ) for a point c exactly on the line of A's edge p: the sign of p⃗ × δ =
    /// p⃗x·ε² − p⃗y·ε, decided by p⃗y unless the edge is horizontal.
    /// </summary>
    private static int TieOfA(in RingEdge p) => p.Y1 != p.Y0 ? (p.Y1 > p.Y0 ? -1 : 1) : (p.X1 > p.X0 ? 1 : -1);

    /// <summary>
    /// The sign of orient(q₀ + δ, q₁ + δ, c) for a point c exactly on the line of B's edge q: the sign of −(q⃗ × δ).
    /// </summary>
    private static int TieOfB(in RingEdge q) => q.Y1 != q.Y0 ? (q.Y1 > q.Y0 ? 1 : -1) : (q.X1 > q.X0 ? -1 : 1);

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

    /// <summary>
    /// Twice the signed area contributed by the parts of <paramref name="region"/>'s boundary inside
    /// <paramref name="other"/>. <paramref name="order"/> lists the crossings grouped by this region's edge in
    /// increasing edge order, each group sorted along its edge. <paramref name="shiftedUp"/> tells which of the two is
    /// the perturbed one: true when <paramref name="region"/> is B (its vertices sit at v + δ), false when it is A
    /// (the other region is B + δ, the same as A's vertices at v − δ).
    /// </summary>
    private static double Integrate(PolygonRings region, PolygonRings other, bool shiftedUp, ReadOnlySpan<int> order, int[] edgeOf, Scratch scratch, double ox, double oy)
    {
        RingEdge[] edges = region.Edges;
        double twice = 0;
        int cursor = 0;
        for (int r = 0; r < region.RingCount; r++)
        {
            int first = region.RingStarts[r], end = region.RingStarts[r + 1];
            bool inside = Contains(other, edges[first].X0, edges[first].Y0, shiftedUp);
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

        return twice;
    }

    /// <summary>
    /// Whether the point (x, y) moved by +δ (<paramref name="up"/>) or −δ lies inside the region, by the crossing-number
    /// rule on a ray towards +x. The moved point is never on the boundary: y ± ε² is on no vertex's height, so an edge
    /// straddles the ray by a half-open rule whose open side follows the shift, and a point on an edge's line is left of
    /// it (the ray crosses) exactly when shifted by −δ.
    /// </summary>
    private static bool Contains(PolygonRings region, double x, double y, bool up)
    {
        Envelope envelope = region.Envelope;
        if (x < envelope.MinX || x > envelope.MaxX || y < envelope.MinY || y > envelope.MaxY)
        {
            return false;
        }

        bool inside = false;
        foreach (ref readonly RingEdge edge in region.Edges.AsSpan())
        {
            if (edge.MaxY < y || edge.MinY > y || edge.MaxX < x || edge.Y0 == edge.Y1)
            {
                continue;
            }

            bool upward = edge.Y0 < edge.Y1;
            bool straddles = up ? (y != edge.MaxY) : (y != edge.MinY);
            if (!straddles)
            {
                continue;
            }

            int side = ExactOrientation.Sign(edge.X0, edge.Y0, edge.X1, edge.Y1, x, y);
            if (side == 0 ? !up : (side > 0) == upward)
            {
                inside = !inside;
            }
        }

        return inside;
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

    /// <summary>Insertion sort of each run of equal edge by the key along the edge (runs are short).</summary>
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

        /// <summary>
        /// Records the crossing of A's edge p with B's edge q, given the exact orientations of each one's ends against the
        /// other's line. When one is zero the crossing is that vertex exactly (the limit of the perturbed crossing).
        /// </summary>
        public void Add(int i, int j, in RingEdge p, in RingEdge q, int o1, int o2, int o3, int o4)
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

            double x, y;
            if (o3 == 0)
            {
                (x, y) = (p.X0, p.Y0);
            }
            else if (o4 == 0)
            {
                (x, y) = (p.X1, p.Y1);
            }
            else if (o1 == 0)
            {
                (x, y) = (q.X0, q.Y0);
            }
            else if (o2 == 0)
            {
                (x, y) = (q.X1, q.Y1);
            }
            else
            {
                double px = p.X1 - p.X0, py = p.Y1 - p.Y0, qx = q.X1 - q.X0, qy = q.Y1 - q.Y0;
                double d3 = (qx * (p.Y0 - q.Y0)) - (qy * (p.X0 - q.X0));
                double d4 = (qx * (p.Y1 - q.Y0)) - (qy * (p.X1 - q.X0));
                double ta = Parameter(d3, d4);
                (x, y) = (p.X0 + (ta * px), p.Y0 + (ta * py));
            }

            EdgeA[Count] = i;
            EdgeB[Count] = j;
            TA[Count] = Along(p, x, y);
            TB[Count] = Along(q, x, y);
            X[Count] = x;
            Y[Count] = y;
            Count++;
        }

        /// <summary>
        /// A key that grows along the edge: the point's coordinate on the edge's longer axis, signed by the edge's
        /// direction. Equal points get equal keys, so crossings at one point stay together whatever their order.
        /// </summary>
        private static double Along(in RingEdge edge, double x, double y) =>
            edge.MaxX - edge.MinX >= edge.MaxY - edge.MinY ? (edge.X1 > edge.X0 ? x : -x) : (edge.Y1 > edge.Y0 ? y : -y);

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
