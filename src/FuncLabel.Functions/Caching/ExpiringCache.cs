using System.Collections.Concurrent;

namespace FuncLabel.Functions.Caching;

/// <summary>
/// Values kept per instance for a fixed <see cref="Lifetime"/>, measured on the process clock (an operational cache,
/// not domain time, so not the injected <see cref="TimeProvider"/>). Only found values are kept: a miss is asked again
/// every time, so something created elsewhere is seen at once; a change made elsewhere is seen within the lifetime,
/// one made through this instance at once (<see cref="Forget"/>).
/// </summary>
internal sealed class ExpiringCache<TKey, TValue>(TimeSpan lifetime)
    where TKey : notnull
    where TValue : class
{
    /// <summary>Beyond this many entries the cache starts over, so a long-lived instance's memory stays bounded.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<TKey, (TValue Value, long Ticks)> _entries = new();

    public TimeSpan Lifetime { get; } = lifetime;

    public async Task<TValue?> GetAsync(TKey key, Func<CancellationToken, Task<TValue?>> load, CancellationToken cancellationToken)
    {
        long now = Environment.TickCount64;
        if (_entries.TryGetValue(key, out var hit) && now - hit.Ticks < Lifetime.TotalMilliseconds)
        {
            return hit.Value;
        }

        var value = await load(cancellationToken).ConfigureAwait(false);
        if (value is null)
        {
            _entries.TryRemove(key, out _);
            return null;
        }

        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = (value, now);
        return value;
    }

    /// <summary>Drops <paramref name="key"/>: the next read asks the store (after a change made through this instance).</summary>
    public void Forget(TKey key) => _entries.TryRemove(key, out _);
}
