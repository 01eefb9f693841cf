namespace FuncLabel.Storage.Models;

/// <summary>One page of a blob listing and the marker of the next one.</summary>
public sealed class BlobPage
{
    internal BlobPage(IReadOnlyList<BlobItem> items, string? continuationToken)
    {
        Items = items;
        ContinuationToken = continuationToken;
    }

    public IReadOnlyList<BlobItem> Items { get; }

    /// <summary>Pass it back as the marker for the next page; null on the last page.</summary>
    public string? ContinuationToken { get; }
}
