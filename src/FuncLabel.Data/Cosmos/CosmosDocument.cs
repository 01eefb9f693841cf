using System.Text.Json.Serialization;

namespace FuncLabel.Data.Cosmos;

/// <summary>
/// What every stored document has: its id, its partition-key value and a type tag, since most
/// containers hold several kinds of document. The ETag is read back from Cosmos (<c>_etag</c>) and
/// never written by us.
/// </summary>
internal abstract record CosmosDocument
{
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    [JsonPropertyName("pk")]
    public required string Pk { get; init; }

    /// <summary>The document kind, used as a query filter inside a partition (<c>c.docType = 'member'</c>).</summary>
    [JsonPropertyName("docType")]
    public abstract string DocType { get; }

    [JsonPropertyName("_etag")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ETag { get; init; }
}
