using FsCheck.Xunit;
using FuncLabel.Domain.Scoring.Similarity;
using NetTopologySuite.Geometries;
using static FuncLabel.Domain.Tests.Scoring.PolygonSamples;

namespace FuncLabel.Domain.Tests.Scoring;

/// <summary>
/// Tilings and identical rings, where boundaries share whole edges and vertices: the cells of a jittered integer grid
/// (neighbours share an edge, diagonal cells a vertex, some cells carry an extra vertex in the middle of a shared edge
/// that their neighbour lacks), blocks of cells against their own cells, and the same region written another way.
/// The kernel must agree with OverlayNG on every pair and add up over the partition.
/// </summary>
public sealed class BoundaryIntersectionTilingProperties
{
    [Property(MaxTest = 150)]
    public bool Area_TilingCells_MatchOverlay(int seed)
    {
        var random = new Random(seed);
        Tiling tiling = Tiling.Create(random);
        for (int i = 0; i < tiling.Columns; i++)
        {
            for (int j = 0; j < tiling.Rows; j++)
            {
                Polygon cell = tiling.Cell(i, j);
                foreach ((int di, int dj) in new[] { (1, 0), (0, 1), (1, 1), (1, -1), (0, 0) })
                {
                    if (tiling.Has(i + di, j + dj) && !BoundaryIntersectionProperties.KernelAgrees(cell, tiling.Cell(i + di, j + dj)))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool Area_BlockAgainstItsCells_IsEachCell(int seed)
    {
        var random = new Random(seed);
        Tiling tiling = Tiling.Create(random);
        Polygon block = tiling.Block(0, 0, tiling.Columns, tiling.Rows);
        PolygonalShape whole = PolygonalShape.From(block);
        for (int i = 0; i < tiling.Columns; i++)
        {
            for (int j = 0; j < tiling.Rows; j++)
            {
                Polygon cell = tiling.Cell(i, j);
                if (!Close(BoundaryIntersection.Area(PolygonalShape.From(cell).Rings, whole.Rings), cell.Area)
                    || !BoundaryIntersectionProperties.KernelAgrees(cell, block))
                {
                    return false;
                }
            }
        }

        return true;
    }

    [Property(MaxTest = 150)]
    public bool Area_ShapeOverTiling_MatchesOverlayAndAddsUp(int seed)
    {
        var random = new Random(seed);
        Tiling tiling = Tiling.Create(random);
        (double cx, double cy) = tiling.Centre;
        Polygon shape = Star(random, cx + Offset(random, 10), cy + Offset(random, 10), 15, hole: random.NextDouble() < 0.3, grid: 1);
        if (!shape.IsValid)
        {
            return true;
        }

        PolygonalShape prepared = PolygonalShape.From(shape);
        double sum = 0;
        for (int i = 0; i < tiling.Columns; i++)
        {
            for (int j = 0; j < tiling.Rows; j++)
            {
                Polygon cell = tiling.Cell(i, j);
                if (!BoundaryIntersectionProperties.KernelAgrees(shape, cell))
                {
                    return false;
                }

                sum += BoundaryIntersection.Area(prepared.Rings, PolygonalShape.From(cell).Rings);
            }
        }

        return Close(sum, OverlayArea(shape, tiling.Block(0, 0, tiling.Columns, tiling.Rows)));
    }

    [Property(MaxTest = 300)]
    public bool Area_IdenticalRegionWrittenDifferently_IsWholeArea(int seed)
    {
        // Same region, other boundary: the ring started at another vertex, reversed, or with an extra vertex in the
        // middle of an edge. The equal-boundary exit does not apply, so the kernel itself must answer |A|.
        var random = new Random(seed);
        Polygon a = Star(random, 50, 50, 30, hole: random.NextDouble() < 0.4, grid: random.NextDouble() < 0.5 ? 0 : 1);
        if (!a.IsValid)
        {
            return true;
        }

        Coordinate[] shell = a.Shell.Coordinates[..^1];
        int start = random.Next(1, shell.Length);
        Coordinate[] rotated = [.. shell[start..], .. shell[..start]];
        Coordinate[] reversed = [.. rotated.Reverse()];
        int k = random.Next(0, shell.Length);
        Coordinate[] split = [.. shell[..(k + 1)], new Coordinate(0.5 * (shell[k].X + shell[(k + 1) % shell.Length].X), 0.5 * (shell[k].Y + shell[(k + 1) % shell.Length].Y)), .. shell[(k + 1)..]];
        LinearRing[] holes = [.. a.Holes.Select(h => (LinearRing)h.Copy())];
        PolygonalShape original = PolygonalShape.From(a);
        foreach (Coordinate[] ring in new[] { rotated, reversed, split })
        {
            Polygon other = Factory.CreatePolygon(Factory.CreateLinearRing([.. ring.Select(c => c.Copy()), ring[0].Copy()]), holes);
            if (!other.IsValid)
            {
                continue;
            }

            PolygonalShape same = PolygonalShape.From(other);
            if (!Close(BoundaryIntersection.Area(original.Rings, same.Rings), a.Area)
                || !Close(BoundaryIntersection.Area(same.Rings, original.Rings), a.Area)
                || !BoundaryIntersectionProperties.KernelAgrees(a, other))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A grid of quadrilateral cells over integer vertices jittered by up to a third of the step, so cells stay simple
    /// and tile their union exactly; some cells get an extra vertex at the exact midpoint of their right or top edge.
    /// </summary>
    private sealed class Tiling
    {
        private readonly Coordinate[,] _points;
        private readonly bool[,] _splitRight;
        private readonly bool[,] _splitTop;

        private Tiling(Coordinate[,] points, bool[,] splitRight, bool[,] splitTop)
        {
            _points = points;
            _splitRight = splitRight;
            _splitTop = splitTop;
        }

        public int Columns => _points.GetLength(0) - 1;

        public int Rows => _points.GetLength(1) - 1;

        public (double X, double Y) Centre => (0.5 * (_points[0, 0].X + _points[Columns, Rows].X), 0.5 * (_points[0, 0].Y + _points[Columns, Rows].Y));

        public static Tiling Create(Random random)
        {
            int columns = random.Next(2, 5), rows = random.Next(2, 5), step = 2 * random.Next(3, 7);
            var points = new Coordinate[columns + 1, rows + 1];
            for (int i = 0; i <= columns; i++)
            {
                for (int j = 0; j <= rows; j++)
                {
                    // Even coordinates, so every midpoint is exact; no jitter on a third of the points keeps long collinear runs.
                    int jitter = step / 3;
                    int dx = random.NextDouble() < 0.33 ? 0 : 2 * random.Next(-jitter / 2, (jitter / 2) + 1);
                    int dy = random.NextDouble() < 0.33 ? 0 : 2 * random.Next(-jitter / 2, (jitter / 2) + 1);
                    points[i, j] = new Coordinate((i * step) + dx, (j * step) + dy);
                }
            }

            var splitRight = new bool[columns, rows];
            var splitTop = new bool[columns, rows];
            for (int i = 0; i < columns; i++)
            {
                for (int j = 0; j < rows; j++)
                {
                    splitRight[i, j] = random.NextDouble() < 0.3;
                    splitTop[i, j] = random.NextDouble() < 0.3;
                }
            }

            return new Tiling(points, splitRight, splitTop);
        }

        public bool Has(int i, int j) => i >= 0 && j >= 0 && i < Columns && j < Rows;

        public Polygon Cell(int i, int j)
        {
            Coordinate a = _points[i, j], b = _points[i + 1, j], c = _points[i + 1, j + 1], d = _points[i, j + 1];
            var ring = new List<Coordinate> { a, b };
            if (_splitRight[i, j])
            {
                ring.Add(Middle(b, c));
            }

            ring.Add(c);
            if (_splitTop[i, j])
            {
                ring.Add(Middle(c, d));
            }

            ring.Add(d);
            return Ring([.. ring]);
        }

        /// <summary>The union of cells [i0, i1) × [j0, j1) as one polygon through every grid vertex on its border.</summary>
        public Polygon Block(int i0, int j0, int i1, int j1)
        {
            var ring = new List<Coordinate>();
            for (int i = i0; i < i1; i++)
            {
                ring.Add(_points[i, j0]);
            }

            for (int j = j0; j < j1; j++)
            {
                ring.Add(_points[i1, j]);
            }

            for (int i = i1; i > i0; i--)
            {
                ring.Add(_points[i, j1]);
            }

            for (int j = j1; j > j0; j--)
            {
                ring.Add(_points[i0, j]);
            }

            return Ring([.. ring]);
        }

        private static Coordinate Middle(Coordinate a, Coordinate b) => new(0.5 * (a.X + b.X), 0.5 * (a.Y + b.Y));
    }
}
