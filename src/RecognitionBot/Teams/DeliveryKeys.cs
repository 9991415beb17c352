using RecognitionBot.Core.Caching;
using RecognitionBot.Core.Commands;

namespace RecognitionBot.Teams;

/// <summary>
/// Delivery keys for the core's idempotency, and a short memory of deliveries this instance is handling or has
/// handled, so a redelivered activity is not answered twice. The ledger is safe either way: the key makes the
/// core return its first answer instead of acting again.
/// </summary>
public sealed class DeliveryKeys(TimeProvider time)
{
    private static readonly TimeSpan Remember = TimeSpan.FromMinutes(15);
    // Bounded and expiring on its own: no scan of every key on the hot path once it is full.
    private readonly BoundedCache<DeliveryKey, DateTimeOffset> _seen = new(20_000, TimeSpan.FromMinutes(30));

    /// <summary>A compact key from the parts that identify one delivery (conversation, activity, button, person).</summary>
    public static DeliveryKey For(params ReadOnlySpan<string?> parts) => DeliveryKey.Teams(parts);

    /// <summary>True the first time a delivery is seen here; false for a redelivery.</summary>
    public bool TryBegin(DeliveryKey key)
    {
        var now = time.GetUtcNow();
        if (_seen.TryGetValue(key, out var at) && now - at > Remember) _seen.TryRemove(key, out _);
        return _seen.TryAdd(key, now);
    }

    /// <summary>Handling failed: a redelivery should be tried again.</summary>
    public void Forget(DeliveryKey key) => _seen.TryRemove(key, out _);
}
