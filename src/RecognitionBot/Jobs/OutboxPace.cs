using System.Threading.RateLimiting;
using RecognitionBot.Core.Outbox;

namespace RecognitionBot.Jobs;

/// <summary>
/// A platform's rate limits as token buckets, one per key (a channel, a conversation, a workspace's method), so the
/// outbox stays under them before the platform throttles. Idle buckets are dropped by the limiter, so memory
/// follows the conversations in use, not all ever seen.
/// </summary>
public sealed class OutboxPace(Func<OutboxItem, OutboxPace.Bucket> bucketFor) : IDisposable
{
    /// <summary><paramref name="Burst"/> at once, then <paramref name="PerSecond"/> (may be fractional) sustained.</summary>
    public sealed record Bucket(string Key, int Burst, double PerSecond);

    // Waiting for a permit beyond this many is pointless: the posts are handed back and come again.
    private const int QueueLimit = 200;

    private readonly PartitionedRateLimiter<OutboxItem> _limiter = PartitionedRateLimiter.Create<OutboxItem, Bucket>(item =>
    {
        var bucket = bucketFor(item);
        // Whole tokens per period: n per second as one token every 1/n s.
        var period = TimeSpan.FromSeconds(bucket.PerSecond >= 1 ? 1 : 1 / bucket.PerSecond);
        var tokens = bucket.PerSecond >= 1 ? (int)Math.Round(bucket.PerSecond) : 1;
        return RateLimitPartition.GetTokenBucketLimiter(bucket, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = bucket.Burst,
            TokensPerPeriod = tokens,
            ReplenishmentPeriod = period,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    });

    public async ValueTask<bool> AcquireAsync(OutboxItem item, CancellationToken cancellationToken)
    {
        using var permit = await _limiter.AcquireAsync(item, 1, cancellationToken);
        return permit.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
