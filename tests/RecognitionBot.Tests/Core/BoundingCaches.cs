using RecognitionBot.Core.Caching;

namespace RecognitionBot.Tests.Core;

/// <summary>The singletons' caches hold at most their capacity, however many keys pass through them.</summary>
public sealed class BoundingCaches
{
    [Fact]
    public void NeverHoldsMoreThanItsCapacity()
    {
        using var cache = new BoundedCache<string, int>(100, TimeSpan.FromHours(1));

        for (var i = 0; i < 10_000; i++) cache[$"tenant-{i}"] = i;

        Assert.InRange(cache.Count, 1, 100);
    }

    [Fact]
    public void AddsAKeyOnlyOnceAndForgetsItWhenRemoved()
    {
        using var cache = new BoundedCache<string, int>(10, TimeSpan.FromHours(1));

        Assert.True(cache.TryAdd("delivery-1", 1));
        Assert.False(cache.TryAdd("delivery-1", 2));
        Assert.True(cache.TryGetValue("delivery-1", out var value));
        Assert.Equal(1, value);
        Assert.True(cache.TryRemove("delivery-1", out _));
        Assert.False(cache.TryGetValue("delivery-1", out _));
        Assert.Equal(7, cache.GetOrAdd("delivery-2", _ => 7));
        Assert.Equal(7, cache.GetOrAdd("delivery-2", _ => 8));
    }
}
