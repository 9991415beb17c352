using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

/// <summary>
/// The ledger on Azure Table Storage. Every change is one entity group transaction in the workspace partition:
/// rows read with their ETag are written back conditionally, so a concurrent change (412, or 409 on a row two
/// writers both created) makes the whole batch fail, and the operation reloads and tries again, a bounded number of times.
/// </summary>
public sealed partial class TableLedger(
    TableStore tables, TimeProvider clock, IOutboxSignal signal, IOptions<StorageOptions> storage, ILogger<TableLedger> log) : ILedger
{
    private const int MaxAttempts = 40;

    // Requests in this instance that touch the same member rows wait for each other instead of fighting over the
    // rows' ETags (under load, lost races cost more than waiting); other instances are still kept honest by the
    // ETags. Striped, so memory stays bounded.
    private readonly SemaphoreSlim[] _stripes = Enumerable.Range(0, 4096).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private readonly EntityCache _cache = new();

    private TableClient Table => tables.Ledger;

    /// <summary>Waits for the stripes of all these members, always in the same order so two requests never deadlock.</summary>
    private async Task<IDisposable> LockAsync(WorkspaceId workspace, IEnumerable<MemberId> members, CancellationToken cancellationToken)
    {
        var stripes = members.Select(m => StripeOf(workspace, m)).Distinct().Order().Select(i => _stripes[i]).ToList();
        var held = new List<SemaphoreSlim>(stripes.Count);
        try
        {
            foreach (var stripe in stripes)
            {
                // Timed: a request stuck on slow storage must not hold everyone behind it for longer than that.
                if (!await stripe.WaitAsync(storage.Value.LockWait, cancellationToken))
                    throw new LedgerBusyException($"Waited {storage.Value.LockWait} for another request on the same members.");
                held.Add(stripe);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The command's time ran out while it waited for its turn: nothing of it was written.
            foreach (var stripe in held) stripe.Release();
            throw new LedgerBusyException("The command's time ran out while it waited for another request on the same members.");
        }
        catch
        {
            foreach (var stripe in held) stripe.Release();
            throw;
        }
        return new Held(held);
    }

    private sealed class Held(List<SemaphoreSlim> stripes) : IDisposable
    {
        public void Dispose()
        {
            foreach (var stripe in stripes) stripe.Release();
        }
    }

    private int StripeOf(WorkspaceId workspace, MemberId member) =>
        (int)((uint)HashCode.Combine(workspace.Key, member.Value) % (uint)_stripes.Length);

    /// <summary>Runs one optimistic attempt after another until it commits, refuses, or conflicts too often.</summary>
    /// <remarks>
    /// With <paramref name="checkDeliveryFirst"/> false nothing is read before the first attempt: its batch adds the
    /// delivery's marker row, so a repeated delivery fails with 409 and the earlier answer is read then. Such an
    /// attempt must still look for an earlier answer before it returns a refusal.
    /// </remarks>
    private async Task<CommandResult> RetryOnConflictAsync(
        WorkspaceId workspace, string? deliveryKey, Func<int, Task<CommandResult>> attempt, CancellationToken cancellationToken,
        bool checkDeliveryFirst = true)
    {
        var checkDelivery = checkDeliveryFirst;
        for (var i = 0; i < MaxAttempts; i++)
        {
            if (checkDelivery && deliveryKey is not null && await FindDeliveryAsync(workspace, deliveryKey, cancellationToken) is { } earlier)
                return earlier;
            try
            {
                return await attempt(i);
            }
            catch (TableTransactionFailedException e) when (e.Status is 409 or 412)
            {
                log.LogDebug("Conflict {Status} in {Workspace}, attempt {Attempt}", e.Status, workspace, i + 1);
                checkDelivery = true;
                // The delivery's own marker is there: answer at once, without waiting.
                if (e.Status == 409 && deliveryKey is not null && await FindDeliveryAsync(workspace, deliveryKey, cancellationToken) is { } repeated)
                    return repeated;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                log.LogDebug("Conflict {Status} in {Workspace}, attempt {Attempt}", e.Status, workspace, i + 1);
                checkDelivery = true;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(2, 10 + 5 * Math.Min(i, 10))), cancellationToken);
        }
        log.LogWarning("Gave up after {Attempts} conflicting attempts in {Workspace}", MaxAttempts, workspace);
        return new Refused(Refusal.Busy);
    }

    /// <summary>A refusal, unless this delivery was already answered (then that first answer).</summary>
    private async Task<CommandResult> RefuseUnlessRepeatedAsync(
        WorkspaceId workspace, string? deliveryKey, Refused refusal, CancellationToken cancellationToken) =>
        deliveryKey is not null && await FindDeliveryAsync(workspace, deliveryKey, cancellationToken) is { } earlier ? earlier : refusal;

    private async Task<CommandResult?> FindDeliveryAsync(WorkspaceId workspace, string deliveryKey, CancellationToken cancellationToken)
    {
        var once = await Table.GetEntityIfExistsAsync<OnceEntity>(
            LedgerKeys.Partition(workspace), LedgerKeys.Once(deliveryKey), cancellationToken: cancellationToken);
        return once.HasValue && once.Value is { } row ? JsonSerializer.Deserialize<CommandResult>(row.Result, Json.Options)! with { Replayed = true } : null;
    }

    /// <summary>Adds the idempotency marker that carries the answer: a second delivery finds it and repeats it.</summary>
    private static void AddOnce(Batch batch, string? deliveryKey, CommandResult result)
    {
        if (deliveryKey is null) return;
        batch.Add(new OnceEntity { RowKey = LedgerKeys.Once(deliveryKey), Result = JsonSerializer.Serialize(result, Json.Options) });
    }

    /// <summary>
    /// Adds a post to the transaction. Its row is born leased to this instance (<see cref="OutboxStore.WriterLease"/>),
    /// which posts it from memory right after the commit; only if this instance stops first does it fall due for
    /// every instance's sweep.
    /// </summary>
    private static void AddOutbox(Batch batch, DateTimeOffset now, OutgoingPost post)
    {
        var index = batch.Add(new OutboxEntity
        {
            RowKey = LedgerKeys.Outbox(now, LedgerKeys.NewId()),
            Target = JsonSerializer.Serialize(post.Target, Json.Options),
            Post = JsonSerializer.Serialize(post.Post, Json.Options),
            NextAttemptAt = now + OutboxStore.WriterLease,
        });
        batch.Posts.Add((index, post.Target, post.Post));
    }

    /// <summary>Adds a decision's rows that every change shares: its history lines, its audit row, its posts, its answer.</summary>
    private static void AddCommon(Batch batch, DateTimeOffset now, IEnumerable<HistoryRow> history, Audit.AuditEntry? audit, IEnumerable<OutgoingPost> posts,
        string? deliveryKey, CommandResult result)
    {
        foreach (var line in history) batch.Add(line.ToEntity());
        if (audit is not null) batch.Audit(audit);
        foreach (var post in posts) AddOutbox(batch, now, post);
        AddOnce(batch, deliveryKey, result);
    }

    private async Task SubmitAsync(Batch batch, WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var markers = batch.SpillPosts(now, now + OutboxStore.WriterLease);
        Azure.Response<IReadOnlyList<Azure.Response>> responses;
        try
        {
            responses = await Table.SubmitTransactionAsync(batch.Actions, cancellationToken);
        }
        catch (TableTransactionFailedException)
        {
            foreach (var a in batch.Actions) _cache.Forget(a.Entity.PartitionKey, a.Entity.RowKey);
            throw;
        }
        // Remember the rows the kudos path reads, with the ETags storage gave them, to skip reading them next time.
        for (var i = 0; i < batch.Actions.Count; i++)
            if (batch.Actions[i].Entity is MemberEntity && responses.Value[i].Headers.ETag is { } etag)
            {
                var entity = (LedgerEntity)batch.Actions[i].Entity;
                entity.ETag = etag;
                _cache.Put(entity);
            }
        if (batch.Posts.Count > 0)
            signal.Notify(workspace, batch.Posts.Select(p => new OutboxItem(workspace, batch.Actions[p.Index].Entity.RowKey, p.Target, p.Post, 0)
            {
                ETag = responses.Value[p.Index].Headers.ETag ?? Azure.ETag.All,
                LeasedUntil = ((OutboxEntity)batch.Actions[p.Index].Entity).NextAttemptAt,
            }).ToList());
        if (markers.Count > 0) await ExpandAsync(workspace, markers, responses.Value.TakeLast(markers.Count).ToList(), cancellationToken);
    }

    /// <summary>
    /// Turns the change's fan-out markers into outbox rows right after it committed, and posts them like the rest.
    /// The change is done whatever happens here: a failure leaves the marker to the sweep, it is not the caller's.
    /// </summary>
    private async Task ExpandAsync(WorkspaceId workspace, List<TableEntity> markers, List<Azure.Response> responses, CancellationToken cancellationToken)
    {
        for (var i = 0; i < markers.Count; i++)
        {
            if (responses[i].Headers.ETag is { } etag) markers[i].ETag = etag;
            try
            {
                var now = clock.GetUtcNow();
                var written = await OutboxFanOut.ExpandAsync(Table, workspace, markers[i], now, now + OutboxStore.WriterLease, cancellationToken);
                if (written.Count > 0) signal.Notify(workspace, written);
            }
            catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
            {
                log.LogWarning(e, "Fan-out {Marker} in {Workspace} left to the outbox sweep", markers[i].RowKey, workspace);
            }
        }
    }

    private async Task<(T Entity, bool Existed)> LoadAsync<T>(WorkspaceId workspace, string rowKey, Func<T> create, CancellationToken cancellationToken,
        bool cached = false)
        where T : LedgerEntity
    {
        if (cached && _cache.Get<T>(LedgerKeys.Partition(workspace), rowKey) is { } hit) return (hit, true);
        var found = await Table.GetEntityIfExistsAsync<T>(LedgerKeys.Partition(workspace), rowKey, cancellationToken: cancellationToken);
        if (found.HasValue && found.Value is { } entity) return (entity, true);
        var fresh = create();
        fresh.PartitionKey = LedgerKeys.Partition(workspace);
        fresh.RowKey = rowKey;
        return (fresh, false);
    }

    private Task<(MemberEntity Entity, bool Existed)> LoadMemberAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken,
        bool cached = false) =>
        LoadAsync(workspace, LedgerKeys.Member(member), () => new MemberEntity { MemberId = member.Value }, cancellationToken, cached);

}
