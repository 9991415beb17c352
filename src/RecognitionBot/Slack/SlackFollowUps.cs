using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace RecognitionBot.Slack;

/// <summary>
/// What an interaction does after Slack has its ack: the decision, the card redraw (<c>chat.update</c>) and the reply
/// through <c>response_url</c>. Slack wants the ack within 3 s, and a slow or throttled <c>chat.update</c> (with the
/// client's own retries) can take longer than that on its own. Every piece is tracked, so a graceful stop waits for
/// it (within the host's shutdown timeout) instead of dropping a decision half told; past that it is cancelled.
/// </summary>
public sealed class SlackFollowUps(IOptions<SlackOptions> options, ILogger<SlackFollowUps> log) : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<long, Task> _running = new();
    private readonly CancellationTokenSource _abandon = new();
    private long _next;
    private volatile bool _stopping;

    public int Running => _running.Count;

    /// <summary>
    /// Starts <paramref name="work"/> in the background and returns true; false when too many are already running or
    /// the host is stopping, and then the caller does the work inline (the old, slower ack beats losing it).
    /// </summary>
    public bool TryStart(Func<CancellationToken, Task> work, string what)
    {
        if (_stopping || _running.Count >= options.Value.MaxFollowUps) return false;
        var id = Interlocked.Increment(ref _next);
        var task = RunAsync(id, work, what);
        _running.TryAdd(id, task);
        if (task.IsCompleted) _running.TryRemove(id, out _);
        return true;
    }

    private async Task RunAsync(long id, Func<CancellationToken, Task> work, string what)
    {
        await Task.Yield();
        try
        {
            await work(_abandon.Token);
        }
        catch (Exception e) when (!_abandon.IsCancellationRequested)
        {
            log.LogError(e, "Slack follow-up {What} failed", what);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("Slack follow-up {What} was cancelled: the host stopped before it finished", what);
        }
        finally
        {
            _running.TryRemove(id, out _);
        }
    }

    /// <summary>Waits until nothing is running (tests, and the stop below).</summary>
    public async Task WhenIdleAsync(CancellationToken ct = default)
    {
        while (_running.Values.ToArray() is { Length: > 0 } running)
            await Task.WhenAll(running).WaitAsync(ct);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        try
        {
            await WhenIdleAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            log.LogWarning("Stopping with {Count} Slack follow-ups unfinished: cancelling them", _running.Count);
            await _abandon.CancelAsync();
        }
    }

    public void Dispose() => _abandon.Dispose();
}
