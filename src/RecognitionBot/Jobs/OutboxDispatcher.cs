using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Jobs;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>How often every workspace's outbox is swept for rows a signal missed (a crash, another instance).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a claimed row stays ours before another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the dispatcher waits after a commit for others to join its batch (posts follow within this).</summary>
    public TimeSpan Gather { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest wait between two attempts of a failing post: it is retried at least this often, forever.</summary>
    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// On a graceful stop, how long posts in flight may take to finish before they are abandoned; what was not
    /// started is handed back at once. Keep it well under the host's shutdown timeout (30 s by default).
    /// </summary>
    public TimeSpan StopGrace { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Posts of one workspace made at the same time (to different conversations; one conversation's are made in order).</summary>
    [Range(1, 64)]
    public int PostsInParallel { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SweepInterval <= TimeSpan.Zero || Lease <= TimeSpan.FromSeconds(10) || FirstRetry <= TimeSpan.Zero || MaxRetry < FirstRetry)
            yield return new ValidationResult("Outbox: SweepInterval and FirstRetry must be positive, Lease over 10 s, MaxRetry at least FirstRetry.");
        if (StopGrace < TimeSpan.Zero || Gather < TimeSpan.Zero)
            yield return new ValidationResult("Outbox: StopGrace and Gather must not be negative.", [nameof(StopGrace)]);
    }
}

/// <summary>
/// Posts what the outbox holds: celebrations, DMs, approval cards and their updates. Woken by the ledger's signal
/// right after a commit, with the rows just written (leased to this instance from birth, so posted straight away),
/// and sweeping all workspaces now and then for rows that fell due: a post is never lost if the process stopped in
/// between. A swept row is claimed with a lease first.
/// <para>
/// Each workspace is drained by a worker of its own, so one workspace's throttling never delays another's posts.
/// A throttled post is rescheduled (never waited for inline) and its workspace rests until the Retry-After; posts
/// are paced per conversation by the platform's sender before the platform has to throttle. Transient failures are
/// retried for as long as it takes; only a permanent refusal parks a post, and then someone is told.
/// </para>
/// <para>
/// Each post made is recorded (its row deleted) as soon as it is made, several at once when they finish together.
/// On a graceful stop, posts in flight finish and are recorded, and every row not yet posted is handed back (due at
/// once) for another instance or the next start: a stop repeats nothing and loses nothing.
/// </para>
/// </summary>
public sealed class OutboxDispatcher(
    OutboxSignal signal,
    OutboxStore outbox,
    PostedPosts posted,
    WorkspaceStore workspaces,
    UndeliveredPosts undelivered,
    IEnumerable<IOutboxSender> senders,
    Observability.RecognitionMetrics metrics,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;
    private readonly ConcurrentDictionary<WorkspaceId, Worker> _workers = new();
    private readonly ConcurrentDictionary<WorkspaceId, DateTimeOffset> _resting = new();

    // Stopping: start no new post. Aborting (StopGrace later): give up on posts still in flight. Recording what was
    // posted or handed back is not cut short by the stop itself, only bounded a little after the abort.
    private CancellationToken _stopping;
    private volatile bool _running; // only a running dispatcher wakes rested workspaces (tests drive rounds by hand)
    private readonly CancellationTokenSource _abort = new();
    private readonly CancellationTokenSource _recording = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        _running = true;
        using var graced = stoppingToken.Register(() =>
        {
            _abort.CancelAfter(_options.StopGrace);
            _recording.CancelAfter(_options.StopGrace + RecordingGrace);
        });
        var nextSweep = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (clock.GetUtcNow() >= nextSweep)
                {
                    nextSweep = clock.GetUtcNow() + _options.SweepInterval;
                    var waiting = 0L;
                    await foreach (var workspace in workspaces.ListAsync(stoppingToken))
                    {
                        Schedule(workspace, sweep: true);
                        waiting += await outbox.CountAsync(workspace, stoppingToken);
                    }
                    metrics.OutboxBacklog(waiting);
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(_options.SweepInterval);
                try
                {
                    var first = await signal.Reader.ReadAsync(wait.Token);
                    // A short pause gathers the posts of kudos arriving together into one batch of storage work.
                    if (_options.Gather > TimeSpan.Zero) await Task.Delay(_options.Gather, stoppingToken); // real time: a batching pause, not business time
                    var woken = new HashSet<WorkspaceId> { first };
                    while (signal.Reader.TryRead(out var more)) woken.Add(more);
                    foreach (var workspace in woken) Schedule(workspace, sweep: signal.TakeSweepRequest(workspace));
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                log.LogError(e, "Outbox dispatch failed; retrying shortly");
                await Task.Delay(TimeSpan.FromSeconds(2), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        await StopWorkersAsync();
    }

    /// <summary>Lets the workers finish the posts they have in flight, then hands back every row this instance still holds.</summary>
    private async Task StopWorkersAsync()
    {
        await Task.WhenAll(_workers.Values.Select(w => w.Running ?? Task.CompletedTask));
        var held = signal.TakeAll().Select(OutboxStore.Written).Where(l => l.Until > clock.GetUtcNow()).ToList();
        foreach (var workspace in held.GroupBy(l => l.Item.Workspace))
        {
            try
            {
                var released = await outbox.ReleaseAsync([.. workspace], clock.GetUtcNow(), Recording());
                log.LogInformation("Stopping: handed back {Count} posts of {Workspace} not yet made", released, workspace.Key);
            }
            catch (Exception e)
            {
                // They fall due when their lease ends: later, but still posted once.
                log.LogWarning(e, "Stopping: could not hand back the posts of {Workspace}; they fall due after their lease", workspace.Key);
            }
        }
    }

    /// <summary>Starts the workspace's worker, or tells the running one to go round once more.</summary>
    private void Schedule(WorkspaceId workspace, bool sweep)
    {
        var worker = _workers.GetOrAdd(workspace, _ => new Worker());
        lock (worker)
        {
            worker.Sweep |= sweep;
            worker.Again = true;
            if (worker.Running is not null || _stopping.IsCancellationRequested) return;
            worker.Running = Task.Run(() => WorkAsync(workspace, worker));
        }
    }

    private async Task WorkAsync(WorkspaceId workspace, Worker worker)
    {
        while (true)
        {
            bool sweep;
            lock (worker)
            {
                if (!worker.Again || _stopping.IsCancellationRequested)
                {
                    worker.Running = null;
                    return;
                }
                (sweep, worker.Sweep, worker.Again) = (worker.Sweep, false, false);
            }
            try
            {
                await DrainAsync(workspace, sweep, _stopping, _abort.Token);
            }
            catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
            {
                log.LogError(e, "Outbox of {Workspace} could not be drained; the next sweep tries again", workspace.Key);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    /// <summary>Posts the rows this instance wrote in one workspace and every row there that is due. Public so tests can drive one round.</summary>
    public Task<int> DrainAsync(WorkspaceId workspace, CancellationToken cancellationToken) => DrainAsync(workspace, sweep: true, cancellationToken, cancellationToken);

    private async Task<int> DrainAsync(WorkspaceId workspace, bool sweep, CancellationToken stopping, CancellationToken abort)
    {
        if (SenderFor(workspace) is not { } sender || IsResting(workspace)) return 0;
        var done = 0;
        // The rows just written, from memory: they are leased to this instance from birth, so nothing is listed or
        // claimed first. A row whose lease is about to run out is left to the sweep, which claims it properly.
        while (!stopping.IsCancellationRequested && !IsResting(workspace) && signal.Take(workspace, BatchSize) is { Count: > 0 } written)
        {
            var safe = clock.GetUtcNow() + LeaseMargin;
            done += await PostAsync(sender, workspace, [.. written.Select(OutboxStore.Written).Where(l => l.Until > safe)], stopping, abort);
        }
        while (sweep && !stopping.IsCancellationRequested && !IsResting(workspace))
        {
            var due = await outbox.ListDueAsync(workspace, BatchSize, stopping);
            if (due.Count == 0) break;
            var leases = await outbox.ClaimAsync(due, _options.Lease, stopping);
            if (leases.Count == 0) break;
            var posted = await PostAsync(sender, workspace, leases, stopping, abort);
            done += posted;
            if (posted == 0) break;
        }
        return done;
    }

    /// <summary>
    /// Makes leased posts: one conversation's in order, paced by the sender, several conversations at once. Each
    /// post made is recorded at once; what could not be started (stopping, the workspace throttled) is handed back.
    /// </summary>
    private async Task<int> PostAsync(IOutboxSender sender, WorkspaceId workspace, IReadOnlyList<OutboxLease> leases, CancellationToken stopping, CancellationToken abort)
    {
        if (leases.Count == 0) return 0;
        var recorder = new Completions(outbox, Recording(), log);
        var untried = new ConcurrentQueue<OutboxLease>();
        var posted = 0;
        var conversations = leases.GroupBy(l => Conversation(l.Item.Target));
        await Parallel.ForEachAsync(conversations, new ParallelOptions { MaxDegreeOfParallelism = _options.PostsInParallel }, async (conversation, _) =>
        {
            foreach (var lease in conversation)
            {
                if (!await PacedAsync(sender, lease, stopping) || stopping.IsCancellationRequested || IsResting(workspace))
                {
                    untried.Enqueue(lease);
                    continue;
                }
                // A post is started only with time left on its lease: past it, another instance may be making it too.
                if (lease.Until <= clock.GetUtcNow() + LeaseMargin) continue;
                if (await TryPostAsync(sender, lease, abort))
                {
                    await recorder.RecordAsync(lease);
                    Interlocked.Increment(ref posted);
                }
            }
        });
        if (!untried.IsEmpty)
        {
            var at = _resting.TryGetValue(workspace, out var until) && until > clock.GetUtcNow() ? until : clock.GetUtcNow();
            await outbox.ReleaseAsync([.. untried], at, Recording());
        }
        return posted;
    }

    private static async Task<bool> PacedAsync(IOutboxSender sender, OutboxLease lease, CancellationToken stopping)
    {
        try
        {
            return await sender.PaceAsync(lease.Item, stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // One conversation's posts are made in order and paced together; a DM's conversation is its member's.
    private static string Conversation(PostTarget target) => target switch
    {
        ToConversation c => "c|" + c.ConversationId,
        ToMember m => "m|" + m.Member.Value,
        ToExistingMessage e => "c|" + e.Message.ConversationId,
        _ => "",
    };

    // One storage transaction holds at most 100 operations.
    private const int BatchSize = 50;

    // A row is posted only with this much of its lease left.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan RecordingGrace = TimeSpan.FromSeconds(5);

    private CancellationToken Recording() => _recording.Token;

    private bool IsResting(WorkspaceId workspace) => _resting.TryGetValue(workspace, out var until) && until > clock.GetUtcNow();

    /// <summary>The platform throttled this workspace: it rests until then (others go on), and is woken at the end.</summary>
    private void Rest(WorkspaceId workspace, DateTimeOffset until)
    {
        var later = _resting.AddOrUpdate(workspace, until, (_, old) => old > until ? old : until);
        if (later != until || !_running) return;
        // A little past the end: a timer may fire a hair early, and the rest must be over when the worker looks.
        var wait = until - clock.GetUtcNow() + WakeMargin;
        _ = Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, clock, _stopping).ContinueWith(t =>
        {
            if (!t.IsCanceled) Schedule(workspace, sweep: true);
        }, TaskScheduler.Default);
    }

    private static readonly TimeSpan WakeMargin = TimeSpan.FromMilliseconds(50);

    private IOutboxSender? SenderFor(WorkspaceId workspace)
    {
        var sender = senders.FirstOrDefault(s => s.Platform == workspace.Platform);
        if (sender is null) log.LogWarning("No sender for {Platform}; the outbox of {Workspace} waits", workspace.Platform, workspace);
        return sender;
    }

    private async Task<bool> TryPostAsync(IOutboxSender sender, OutboxLease lease, CancellationToken abort)
    {
        var item = lease.Item;
        PostReceipt? receipt;
        try
        {
            // The reader is read here, inside the failure handling: unreadable settings are a retry, as a failed post is.
            var reader = Reader.For(item.Post.Locale, await workspaces.GetAsync(item.Workspace, abort));
            receipt = await sender.SendAsync(item with { Reader = reader }, abort);
        }
        catch (Exception e) when (e is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            await FailedAsync(lease, e);
            return false;
        }
        if (receipt is not null)
        {
            try
            {
                await posted.RecordAsync(item, receipt, Recording());
            }
            catch (Exception e)
            {
                // The post is out: posting it again would show it twice (an approver two cards). It stays as posted.
                log.LogError(e, "Post {Key} was made but what it left behind could not be recorded", item.Key);
            }
        }
        return true;
    }

    private async Task FailedAsync(OutboxLease lease, Exception e)
    {
        var item = lease.Item;
        var failure = e as PostFailedException;
        var platform = item.Workspace.Platform.ToString().ToLowerInvariant();
        metrics.OutboxFailure(platform, failure?.Permanent ?? false);
        try
        {
            if (failure is { Permanent: true })
            {
                var notices = item.Post is UndeliveredPost ? [] : await undelivered.NoticesForAsync(item, Recording());
                var written = await outbox.ParkAsync(lease, e.Message, notices, Recording());
                if (written.Count > 0) signal.Notify(item.Workspace, written);
                log.LogError(e, "Post {Key} in {Workspace} was refused for good; parked in the outbox, {Told} told", item.Key, item.Workspace, written.Count);
                return;
            }
            var wait = failure?.RetryAfter ?? Backoff(item.Attempts);
            // One instant for both, so the row is due when the workspace's rest ends and the wake finds it.
            var at = clock.GetUtcNow() + wait;
            if (failure?.RetryAfter is not null) Rest(item.Workspace, at);
            await outbox.RetryLaterAsync(lease, e.Message, at, Recording());
            log.LogWarning(e, "Post {Key} in {Workspace} failed (attempt {Attempt}); retrying in {Wait}", item.Key, item.Workspace, item.Attempts + 1, wait);
        }
        catch (Exception storage)
        {
            // Not even the failure could be written: the row falls due when its lease ends and is tried again.
            log.LogError(storage, "Post {Key} in {Workspace} failed and the failure could not be recorded", item.Key, item.Workspace);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = _options.FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts, 16));
        var jitter = 0.8 + Random.Shared.NextDouble() * 0.4;
        return TimeSpan.FromSeconds(Math.Min(seconds * jitter, _options.MaxRetry.TotalSeconds));
    }

    public override void Dispose()
    {
        _abort.Dispose();
        _recording.Dispose();
        base.Dispose();
    }

    private sealed class Worker
    {
        public Task? Running;
        public bool Again;
        public bool Sweep;
    }

    /// <summary>
    /// Deletes the rows of posts made, as soon as each is made: whoever finds the gate free deletes every post
    /// finished meanwhile in one transaction, so storage work stays small when posts finish together.
    /// </summary>
    private sealed class Completions(OutboxStore outbox, CancellationToken recording, ILogger log)
    {
        private readonly ConcurrentQueue<OutboxLease> _done = new();
        private readonly SemaphoreSlim _gate = new(1, 1);

        public async Task RecordAsync(OutboxLease lease)
        {
            _done.Enqueue(lease);
            await _gate.WaitAsync();
            try
            {
                while (!_done.IsEmpty)
                {
                    var batch = new List<OutboxLease>();
                    while (batch.Count < 100 && _done.TryDequeue(out var next)) batch.Add(next);
                    await CompleteAsync(batch);
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task CompleteAsync(List<OutboxLease> batch)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await outbox.CompleteAsync(batch, recording);
                    return;
                }
                catch (Exception e) when (attempt < 3)
                {
                    log.LogWarning(e, "Recording {Count} posts made failed; trying again", batch.Count);
                }
                catch (Exception e)
                {
                    // Their rows fall due after the lease and the posts are made again: the one way a post repeats.
                    log.LogError(e, "Recording {Count} posts made failed; they may be posted again", batch.Count);
                    return;
                }
            }
        }
    }
}
