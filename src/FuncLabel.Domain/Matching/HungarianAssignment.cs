namespace FuncLabel.Domain.Matching;

/// <summary>
/// Optimal one-to-one assignment on a dense, rectangular similarity matrix, maximising the total
/// similarity of the pairs it keeps.
/// </summary>
/// <remarks>
/// <para>
/// The Hungarian method in its shortest-augmenting-path form (Kuhn–Munkres with Jonker–Volgenant
/// style dual potentials): rows are added one at a time and each addition runs one Dijkstra-like
/// search over reduced costs, so the whole assignment is O(r²·c) for r ≤ c, i.e. O(n³). A wider
/// than tall matrix is solved as given; a taller one is transposed first, so the inner loop always
/// runs over the longer side.
/// </para>
/// <para>
/// Similarities below <c>threshold</c> are treated as 0, the value of leaving both sides
/// unmatched, and the pairs the optimum puts there are dropped afterwards. Minimising
/// Σ(1 − s′) over complete assignments of the shorter side therefore maximises Σ s′ over all
/// partial matchings: a matching that uses only admissible pairs extends to a complete assignment
/// with the same total, and vice versa. Ties are broken deterministically by index order.
/// </para>
/// </remarks>
internal static class HungarianAssignment
{
    /// <summary>
    /// Solves the assignment for a row-major <paramref name="rows"/> × <paramref name="columns"/>
    /// similarity matrix and returns, for every row, its column or −1 when it stays unmatched.
    /// </summary>
    public static int[] Maximise(ReadOnlySpan<double> similarity, int rows, int columns, double threshold)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if (similarity.Length != rows * columns)
        {
            throw new ArgumentException($"Expected {rows * columns} similarities, got {similarity.Length}.", nameof(similarity));
        }

        var rowToColumn = new int[rows];
        Array.Fill(rowToColumn, -1);
        if (rows == 0 || columns == 0)
        {
            return rowToColumn;
        }

        bool transposed = rows > columns;
        int n = transposed ? columns : rows;
        int m = transposed ? rows : columns;
        var cost = new double[n * m];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                double s = similarity[(r * columns) + c];
                double admissible = s >= threshold ? s : 0.0;
                int i = transposed ? c : r;
                int j = transposed ? r : c;
                cost[(i * m) + j] = 1.0 - admissible;
            }
        }

        int[] columnOwner = SolveMinimumCost(cost, n, m);
        for (int j = 0; j < m; j++)
        {
            int i = columnOwner[j];
            if (i < 0)
            {
                continue;
            }

            int r = transposed ? j : i;
            int c = transposed ? i : j;
            if (similarity[(r * columns) + c] >= threshold)
            {
                rowToColumn[r] = c;
            }
        }

        return rowToColumn;
    }

    /// <summary>
    /// Minimum-cost complete assignment of n rows into m ≥ n columns; returns the row owning each
    /// column (−1 for columns left free). Arrays are 1-based internally, index 0 being the virtual
    /// source of each augmenting search.
    /// </summary>
    private static int[] SolveMinimumCost(double[] cost, int n, int m)
    {
        var rowPotential = new double[n + 1];
        var columnPotential = new double[m + 1];
        var owner = new int[m + 1];
        var previous = new int[m + 1];
        var slack = new double[m + 1];
        var visited = new bool[m + 1];

        for (int row = 1; row <= n; row++)
        {
            owner[0] = row;
            int column = 0;
            Array.Fill(slack, double.PositiveInfinity);
            Array.Clear(visited);
            do
            {
                visited[column] = true;
                int activeRow = owner[column];
                double delta = double.PositiveInfinity;
                int next = 0;
                int rowOffset = (activeRow - 1) * m;
                for (int j = 1; j <= m; j++)
                {
                    if (visited[j])
                    {
                        continue;
                    }

                    double reduced = cost[rowOffset + j - 1] - rowPotential[activeRow] - columnPotential[j];
                    if (reduced < slack[j])
                    {
                        slack[j] = reduced;
                        previous[j] = column;
                    }

                    if (slack[j] < delta)
                    {
                        delta = slack[j];
                        next = j;
                    }
                }

                for (int j = 0; j <= m; j++)
                {
                    if (visited[j])
                    {
                        rowPotential[owner[j]] += delta;
                        columnPotential[j] -= delta;
                    }
                    else
                    {
                        slack[j] -= delta;
                    }
                }

                column = next;
            }
            while (owner[column] != 0);

            do
            {
                int before = previous[column];
                owner[column] = owner[before];
                column = before;
            }
            while (column != 0);
        }

        var result = new int[m];
        for (int j = 1; j <= m; j++)
        {
            result[j - 1] = owner[j] - 1;
        }

        return result;
    }
}
