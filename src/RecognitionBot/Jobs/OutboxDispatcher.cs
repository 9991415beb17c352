using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Jobs;

/// <summary>Section <c>Outbox</c>.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often every workspace's outbox is swept for rows a signal missed (a crash, another instance).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a claimed row stays ours before another instance may take it over.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan FirstRetry { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long the dispatcher waits after a commit for others to join its batch (posts follow within this).</summary>
    public TimeSpan Gather { get; set; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxRetry { get; set; } = TimeSpan.FromMinutes(10);
}

/// <summary>
/// Posts what the outbox holds: celebrations, DMs, approval cards and their updates. Woken by the ledger's signal
/// right after a commit, with the rows just written (leased to this instance from birth, so posted straight away),
/// and sweeping all workspaces now and then for rows that fell due: a post is never lost if the process stopped in
/// between. A swept row is claimed with a lease first; failures are retried with backoff, honouring Retry-After.
/// </summary>
public sealed class OutboxDispatcher(
    OutboxSignal signal,
    OutboxStore outbox,
    ILedger ledger,
    WorkspaceStore workspaces,
    IEnumerable<IOutboxSender> senders,
    Observability.RecognitionMetrics metrics,
    Microsoft.Extensions.Options.IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private readonly OutboxOptions _options = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
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
                        await DrainAsync(workspace, stoppingToken);
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
                    var workspaces = new HashSet<WorkspaceId> { first };
                    while (signal.Reader.TryRead(out var more)) workspaces.Add(more);
                    foreach (var workspace in workspaces)
                        if (SenderFor(workspace) is { } sender) await PostWrittenAsync(sender, workspace, stoppingToken);
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
    }

    /// <summary>Posts the rows this instance wrote in one workspace and every row there that is due. Public so tests can drive one round.</summary>
    public async Task<int> DrainAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        if (SenderFor(workspace) is not { } sender) return 0;
        var done = await PostWrittenAsync(sender, workspace, cancellationToken);
        while (true)
        {
            var due = await outbox.ListDueAsync(workspace, BatchSize, cancellationToken);
            if (due.Count == 0) return done;
            var leases = await outbox.ClaimAsync(due, _options.Lease, cancellationToken);
            if (leases.Count == 0) return done;
            var posted = await PostAsync(sender, leases, cancellationToken);
            done += posted;
            if (posted == 0) return done;
        }
    }

    /// <summary>
    /// Posts the rows this instance just wrote, from memory: they are leased to it from birth, so nothing is listed
    /// or claimed first. A row whose lease is about to run out is left to the sweep, which claims it properly.
    /// </summary>
    private async Task<int> PostWrittenAsync(IOutboxSender sender, WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var done = 0;
        while (signal.Take(workspace, BatchSize) is { Count: > 0 } written)
        {
            var safe = clock.GetUtcNow() + LeaseMargin;
            done += await PostAsync(sender, written.Select(OutboxStore.Written).Where(l => l.Until > safe).ToList(), cancellationToken);
        }
        return done;
    }

    /// <summary>
    /// Posts leased rows a few at a time (the platform clients honour their rate limits), then deletes the posted ones
    /// in one transaction: storage work per post stays small when kudos pour in.
    /// </summary>
    private async Task<int> PostAsync(IOutboxSender sender, IReadOnlyList<OutboxLease> leases, CancellationToken cancellationToken)
    {
        if (leases.Count == 0) return 0;
        var posted = new System.Collections.Concurrent.ConcurrentBag<OutboxLease>();
        await Parallel.ForEachAsync(leases, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (lease, ct) =>
        {
            if (await TryPostAsync(sender, lease, ct)) posted.Add(lease);
        });
        await outbox.CompleteAsync(posted.ToList(), cancellationToken);
        return posted.Count;
    }

    // One storage transaction holds at most 100 operations.
    private const int BatchSize = 50;

    // A row is posted from memory only with this much of its writer's lease left.
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private IOutboxSender? SenderFor(WorkspaceId workspace)
    {
        var sender = senders.FirstOrDefault(s => s.Platform == workspace.Platform);
        if (sender is null) log.LogWarning("No sender for {Platform}; the outbox of {Workspace} waits", workspace.Platform, workspace);
        return sender;
    }

    private async Task<bool> TryPostAsync(IOutboxSender sender, OutboxLease lease, CancellationToken cancellationToken)
    {
        var item = lease.Item;
        try
        {
            var receipt = await sender.SendAsync(item, cancellationToken);
            if (item.Post is ApprovalRequestPost approval && receipt is not null)
                await ledger.RecordApprovalMessageAsync(item.Workspace, approval.Redemption.Id,
                    new Core.Rewards.PostedMessage(receipt.ConversationId, receipt.MessageId), approval.Locale, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = e as PostFailedException;
            var wait = failure?.RetryAfter ?? Backoff(item.Attempts);
            var retrying = await outbox.RetryLaterAsync(lease, e.Message, wait, failure?.Permanent ?? false, cancellationToken);
            metrics.OutboxFailure(item.Workspace.Platform.ToString().ToLowerInvariant(), !retrying);
            if (retrying)
                log.LogWarning(e, "Post {Key} in {Workspace} failed (attempt {Attempt}); retrying in {Wait}", item.Key, item.Workspace, item.Attempts + 1, wait);
            else
                log.LogError(e, "Post {Key} in {Workspace} failed for good after {Attempts} attempts; parked in the outbox", item.Key, item.Workspace, item.Attempts + 1);
            return false;
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var seconds = _options.FirstRetry.TotalSeconds * Math.Pow(2, Math.Min(attempts, 16));
        var jitter = 0.8 + Random.Shared.NextDouble() * 0.4;
        return TimeSpan.FromSeconds(Math.Min(seconds * jitter, _options.MaxRetry.TotalSeconds));
    }
}
