namespace FuncLabel.Data.Cosmos;

/// <summary>One page of a single-partition query; <see cref="ContinuationToken"/> is null on the last page.</summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
