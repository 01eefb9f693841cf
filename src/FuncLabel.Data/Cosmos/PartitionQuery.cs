using Microsoft.Azure.Cosmos;

namespace FuncLabel.Data.Cosmos;

/// <summary>
/// A query confined to one partition. It always carries the partition key twice: in the request
/// options (what real Cosmos DB uses) and as <c>c.pk = @pk</c>, a top-level AND-term of the WHERE
/// clause (what the local server uses, since it ignores the option; docs/emulators.md, rule 1).
/// Building every query through this type is what makes "every query is single-partition" hold.
/// </summary>
internal sealed class PartitionQuery
{
    private readonly Dictionary<string, object?> _parameters = new(StringComparer.Ordinal);

    /// <param name="partitionKey">The partition to read.</param>
    /// <param name="filter">An extra condition over <c>c</c>, AND-ed with the partition term; null for the whole partition.</param>
    /// <param name="select">The projection, <c>*</c> by default (for example <c>VALUE c.id</c>).</param>
    public PartitionQuery(string partitionKey, string? filter = null, string select = "*")
    {
        ArgumentException.ThrowIfNullOrEmpty(partitionKey);
        ArgumentException.ThrowIfNullOrEmpty(select);
        PartitionKey = partitionKey;
        Filter = filter;
        Select = select;
    }

    public string PartitionKey { get; }

    public string? Filter { get; }

    public string Select { get; }

    /// <summary>Adds a parameter; names start with <c>@</c>. <c>@pk</c> is reserved.</summary>
    public PartitionQuery With(string name, object? value)
    {
        if (!name.StartsWith('@') || name == "@pk")
        {
            throw new ArgumentException($"Parameter names start with '@' and '@pk' is reserved: '{name}'.", nameof(name));
        }

        _parameters[name] = value;
        return this;
    }

    public string Text => Filter is null
        ? $"SELECT {Select} FROM c WHERE c.pk = @pk"
        : $"SELECT {Select} FROM c WHERE c.pk = @pk AND ({Filter})";

    internal QueryDefinition ToDefinition()
    {
        var definition = new QueryDefinition(Text).WithParameter("@pk", PartitionKey);
        foreach (var (name, value) in _parameters)
        {
            definition = definition.WithParameter(name, value);
        }

        return definition;
    }

    internal QueryRequestOptions ToOptions(int? maxItemCount) => new()
    {
        PartitionKey = new PartitionKey(PartitionKey),
        MaxItemCount = maxItemCount,
    };
}
