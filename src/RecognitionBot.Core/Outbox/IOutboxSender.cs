using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>
/// A platform's way of making posts. Implemented by each adapter; the host's dispatcher picks one by platform.
/// Throw <see cref="PostFailedException"/> for a failure that should be retried later, with an optional wait.
/// </summary>
public interface IOutboxSender
{
    Platform Platform { get; }

    Task<PostReceipt?> SendAsync(OutboxItem item, CancellationToken cancellationToken);

    /// <summary>
    /// Waits until <paramref name="item"/> may be sent within the platform's rate limits (per conversation, per
    /// method), so the platform never has to throttle; false if no permit can be had now (the post is handed back).
    /// </summary>
    ValueTask<bool> PaceAsync(OutboxItem item, CancellationToken cancellationToken) => ValueTask.FromResult(true);
}

/// <summary>A post could not be made now. Permanent failures (the target is gone) set <see cref="Permanent"/>.</summary>
public sealed class PostFailedException(string message, TimeSpan? retryAfter = null, bool permanent = false, Exception? inner = null)
    : Exception(message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
    public bool Permanent { get; } = permanent;
}
