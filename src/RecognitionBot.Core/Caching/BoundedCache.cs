using Microsoft.Extensions.Caching.Memory;

namespace RecognitionBot.Core.Caching;

/// <summary>
/// A process-wide cache that cannot grow without bound: at most <c>capacity</c> entries (the least recently used go
/// first when it is full) and none kept past <c>keepFor</c> without being used. For the singletons' memories of
/// people, conversations, locales and tenants, which otherwise grow with everyone the process has ever seen.
/// Expiry here is wall time and only bounds memory; callers keep their own freshness rules on top.
/// </summary>
public sealed class BoundedCache<TKey, TValue> : IDisposable where TKey : notnull
{
    private readonly MemoryCache _cache;
    private readonly TimeSpan _keepFor;
    private readonly Lock _adding = new();

    public BoundedCache(int capacity, TimeSpan keepFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = capacity, CompactionPercentage = 0.1 });
        _keepFor = keepFor;
    }

    public int Count => _cache.Count;

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_cache.TryGetValue(key, out var hit) && hit is TValue typed)
        {
            value = typed;
            return true;
        }
        value = default!;
        return false;
    }

    public TValue this[TKey key]
    {
        set => _cache.Set(key, value, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = _keepFor });
    }

    /// <summary>Adds unless present; true if this call added it.</summary>
    public bool TryAdd(TKey key, TValue value)
    {
        lock (_adding)
        {
            if (_cache.TryGetValue(key, out _)) return false;
            this[key] = value;
            return true;
        }
    }

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (TryGetValue(key, out var hit)) return hit;
        lock (_adding)
        {
            if (TryGetValue(key, out hit)) return hit;
            var value = create(key);
            this[key] = value;
            return value;
        }
    }

    public bool TryRemove(TKey key, out TValue value)
    {
        var found = TryGetValue(key, out value);
        _cache.Remove(key);
        return found;
    }

    public void Dispose() => _cache.Dispose();
}
