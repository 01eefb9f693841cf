using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;

namespace FuncLabel.Domain.Collections;

/// <summary>
/// An immutable list with structural equality, for use inside records.
/// </summary>
/// <remarks>
/// Records compare their members with <see cref="EqualityComparer{T}.Default"/>, so a record holding an
/// <see cref="IReadOnlyList{T}"/> or <see cref="ImmutableArray{T}"/> compares the list by reference and two
/// labels decoded from the same bytes would be unequal. Wrapping the items here makes "same content" mean
/// "equal", which the NDJSON round-trip and the ontology diff rely on. The hash code is computed once, lazily.
/// </remarks>
[CollectionBuilder(typeof(ValueList), nameof(ValueList.Create))]
[JsonConverter(typeof(ValueListJsonConverterFactory))]
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    private readonly ImmutableArray<T> _items;
    private int _hash;

    /// <summary>The empty list (a single shared instance).</summary>
    public static ValueList<T> Empty { get; } = new(ImmutableArray<T>.Empty);

    internal ValueList(ImmutableArray<T> items) => _items = items.IsDefault ? ImmutableArray<T>.Empty : items;

    public int Count => _items.Length;

    public T this[int index] => _items[index];

    /// <summary>The items as an immutable array (no copy).</summary>
    public ImmutableArray<T> AsImmutableArray() => _items;

    public ImmutableArray<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)_items).GetEnumerator();

    public bool Equals(ValueList<T>? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (other is null || other.Count != Count)
        {
            return false;
        }

        var comparer = EqualityComparer<T>.Default;
        for (var i = 0; i < _items.Length; i++)
        {
            if (!comparer.Equals(_items[i], other._items[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as ValueList<T>);

    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (var item in _items)
            {
                hash.Add(item);
            }

            var value = hash.ToHashCode();
            _hash = value == 0 ? 1 : value;
        }

        return _hash;
    }

    public override string ToString() => $"[{string.Join(", ", _items)}]";

    public static bool operator ==(ValueList<T>? left, ValueList<T>? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(ValueList<T>? left, ValueList<T>? right) => !(left == right);
}

/// <summary>Factory methods for <see cref="ValueList{T}"/>; also the collection-expression builder.</summary>
public static class ValueList
{
    public static ValueList<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? ValueList<T>.Empty : new ValueList<T>(ImmutableArray.Create(items));

    public static ValueList<T> From<T>(IEnumerable<T> items) => items switch
    {
        ValueList<T> list => list,
        _ => Wrap([.. items]),
    };

    /// <summary>Takes ownership of an already-built immutable array without copying it.</summary>
    public static ValueList<T> Wrap<T>(ImmutableArray<T> items) =>
        items.IsDefaultOrEmpty ? ValueList<T>.Empty : new ValueList<T>(items);

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => From(items);
}
