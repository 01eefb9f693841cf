namespace FuncLabel.Functions.Http;

/// <summary>A page of a list (<c>?limit=&amp;continuationToken=</c>).</summary>
internal sealed record ListPage<T>(IReadOnlyList<T> Items, string? ContinuationToken);

internal static class ListLimits
{
    public const int Default = 50;
    public const int Max = 200;

    /// <summary>The page size asked for, clamped to 1..<see cref="Max"/>.</summary>
    public static int Clamp(int? limit) => Math.Clamp(limit ?? Default, 1, Max);
}
