namespace FuncLabel.Domain.Annotations;

/// <summary>
/// Which asset an NDJSON line targets: Labelbox's <c>dataRow</c> with exactly one of <c>id</c> (our asset id) or
/// <c>globalKey</c> (the caller's own key; resolved by hashed-id lookup, or parked until the asset arrives).
/// </summary>
public sealed record DataRowReference
{
    private DataRowReference(string? id, string? globalKey)
    {
        Id = id;
        GlobalKey = globalKey;
    }

    public string? Id { get; }

    public string? GlobalKey { get; }

    public static DataRowReference ById(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return new DataRowReference(id, null);
    }

    public static DataRowReference ByGlobalKey(string globalKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(globalKey);
        return new DataRowReference(null, globalKey);
    }
}
