using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Outbox;

/// <summary>A claimed outbox row: nobody else posts it until the lease runs out.</summary>
public sealed record OutboxLease(OutboxItem Item, DateTimeOffset Until)
{
    internal ETag ETag { get; init; }
}

/// <summary>
/// The outbox rows of the ledger partitions. The dispatcher claims a due row with an ETag-conditional update that
/// sets a short lease, so two instances never post the same row at the same time, then deletes it once posted.
/// </summary>
public sealed class OutboxStore(TableStore tables, TimeProvider clock)
{
    /// <summary>
    /// How long a new row belongs to the instance that wrote it. That instance posts it from memory at once, with
    /// no listing or claiming (on Azurite a listing reads the whole table); if it stops first, the row falls due
    /// after this and any instance's sweep takes it over.
    /// </summary>
    public static readonly TimeSpan WriterLease = TimeSpan.FromSeconds(30);

    /// <summary>A row this instance just wrote, as a lease it holds until <see cref="WriterLease"/> runs out.</summary>
    public static OutboxLease Written(OutboxItem item) =>
        new(item, item.LeasedUntil ?? throw new ArgumentException("Not a row this instance wrote.", nameof(item))) { ETag = item.ETag };

    /// <summary>Every row waiting in a workspace's outbox, due or not, oldest first (tests, diagnostics).</summary>
    public Task<IReadOnlyList<OutboxItem>> ListAsync(WorkspaceId workspace, int max, CancellationToken cancellationToken) =>
        QueryAsync(workspace, Rows(workspace), max, cancellationToken);

    /// <summary>The rows whose time has come: new rows of a writer that stopped, and retries.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ListDueAsync(WorkspaceId workspace, int max, CancellationToken cancellationToken)
    {
        // Posts a change could not fit into its transaction, left behind by a writer that stopped: rows first.
        await OutboxFanOut.ExpandDueAsync(tables.Ledger, workspace, clock.GetUtcNow(), cancellationToken);
        return await QueryAsync(
            workspace, $"{Rows(workspace)} and {TableClient.CreateQueryFilter($"NextAttemptAt le {clock.GetUtcNow()}")}", max, cancellationToken);
    }

    private static string Rows(WorkspaceId workspace)
    {
        var end = LedgerKeys.PrefixEnd(LedgerKeys.OutboxPrefix);
        return TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {LedgerKeys.OutboxPrefix} and RowKey lt {end}");
    }

    private async Task<IReadOnlyList<OutboxItem>> QueryAsync(WorkspaceId workspace, string filter, int max, CancellationToken cancellationToken)
    {
        var list = new List<OutboxItem>();
        await foreach (var e in tables.Ledger.QueryAsync<OutboxEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            list.Add(ToItem(workspace, e));
            if (list.Count == max) break;
        }
        return list;
    }

    /// <summary>How many rows wait in a workspace's outbox (due or not): the backlog metric.</summary>
    public async Task<int> CountAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var _ in tables.Ledger.QueryAsync<TableEntity>(Rows(workspace), select: ["RowKey"], cancellationToken: cancellationToken)) count++;
        return count;
    }

    /// <summary>
    /// Claims listed rows for <paramref name="lease"/>, each only if unchanged since it was listed. One transaction
    /// for all of them (they share the workspace partition); if another instance took one, each is tried alone.
    /// Returns the rows that are now ours.
    /// </summary>
    public async Task<IReadOnlyList<OutboxLease>> ClaimAsync(IReadOnlyList<OutboxItem> items, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (items.Count == 0) return [];
        var until = clock.GetUtcNow() + lease;
        var actions = items.Select(i => new TableTransactionAction(TableTransactionActionType.UpdateMerge, LeaseRow(i, until), i.ETag)).ToList();
        if (items.Count > 1)
        {
            try
            {
                var responses = await tables.Ledger.SubmitTransactionAsync(actions, cancellationToken);
                return items.Select((item, n) => new OutboxLease(item, until) { ETag = responses.Value[n].Headers.ETag ?? ETag.All }).ToList();
            }
            catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
            {
                // Someone else has at least one of them: find out which, one by one.
            }
        }
        var leases = new List<OutboxLease>();
        foreach (var item in items)
        {
            try
            {
                var response = await tables.Ledger.UpdateEntityAsync(LeaseRow(item, until), item.ETag, TableUpdateMode.Merge, cancellationToken);
                leases.Add(new OutboxLease(item, until) { ETag = response.Headers.ETag ?? ETag.All });
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404)
            {
            }
        }
        return leases;
    }

    private static TableEntity LeaseRow(OutboxItem item, DateTimeOffset until) =>
        new(LedgerKeys.Partition(item.Workspace), item.Key) { ["NextAttemptAt"] = until };

    /// <summary>The posts were made: their rows go, in one transaction when they can.</summary>
    public async Task CompleteAsync(IReadOnlyList<OutboxLease> leases, CancellationToken cancellationToken)
    {
        if (leases.Count > 1)
        {
            try
            {
                await tables.Ledger.SubmitTransactionAsync(
                    leases.Select(
                        l => new TableTransactionAction(
                        TableTransactionActionType.Delete, new TableEntity(LedgerKeys.Partition(l.Item.Workspace), l.Item.Key), l.ETag)),
                    cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 412)
            {
            }
        }
        foreach (var lease in leases)
        {
            try
            {
                await tables.Ledger.DeleteEntityAsync(LedgerKeys.Partition(lease.Item.Workspace), lease.Item.Key, lease.ETag, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status is 404 or 412)
            {
                // Our lease ran out and another instance took the row over; it will find the post made (at least once).
            }
        }
    }

    /// <summary>
    /// A transient failure (throttled, the platform down, a timeout): tried again at <paramref name="at"/>, for as
    /// long as it takes. Such a row is never parked: only a permanent refusal (<see cref="ParkAsync"/>) stops a post.
    /// </summary>
    public async Task RetryLaterAsync(OutboxLease lease, string error, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var pk = LedgerKeys.Partition(lease.Item.Workspace);
        var found = await tables.Ledger.GetEntityIfExistsAsync<OutboxEntity>(pk, lease.Item.Key, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity) return;
        entity.Attempts++;
        entity.LastError = Trim(error);
        entity.NextAttemptAt = at;
        try
        {
            await tables.Ledger.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
        }
    }

    /// <summary>
    /// Hands leased rows back untried, due at <paramref name="at"/> (now: another instance or the next start posts
    /// them at once). Only rows still ours change (ETag of our lease); no attempt is counted. Returns how many.
    /// </summary>
    public async Task<int> ReleaseAsync(IReadOnlyList<OutboxLease> leases, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var chunk in leases.Chunk(100))
        {
            var actions = chunk.Select(l => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(LedgerKeys.Partition(l.Item.Workspace), l.Item.Key) { ["NextAttemptAt"] = at }, l.ETag)).ToList();
            if (chunk.Length > 1 && chunk.All(l => l.Item.Workspace == chunk[0].Item.Workspace))
            {
                try
                {
                    await tables.Ledger.SubmitTransactionAsync(actions, cancellationToken);
                    released += chunk.Length;
                    continue;
                }
                catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
                {
                    // One was taken over or posted by someone else meanwhile: hand back the others one by one.
                }
            }
            foreach (var action in actions)
            {
                try
                {
                    await tables.Ledger.UpdateEntityAsync((TableEntity)action.Entity, action.ETag, TableUpdateMode.Merge, cancellationToken);
                    released++;
                }
                catch (RequestFailedException e) when (e.Status is 412 or 404)
                {
                }
            }
        }
        return released;
    }

    /// <summary>
    /// The platform refused the post for good (the channel is gone, the account deactivated): the row is parked with
    /// its reason, for admins to see and retry (<see cref="RetryParkedAsync"/>), and the posts that tell someone
    /// about it are written in the same transaction. Returns those new rows, born leased to this instance.
    /// </summary>
    public async Task<IReadOnlyList<OutboxItem>> ParkAsync(OutboxLease lease, string error, IReadOnlyList<(PostTarget Target, OutboxPost Post)> notices,
        CancellationToken cancellationToken)
    {
        var pk = LedgerKeys.Partition(lease.Item.Workspace);
        var found = await tables.Ledger.GetEntityIfExistsAsync<OutboxEntity>(pk, lease.Item.Key, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity) return [];
        entity.Attempts++;
        entity.LastError = Trim(error);
        entity.NextAttemptAt = ParkedUntil;
        var now = clock.GetUtcNow();
        // Keyed after the parked row, so parking the same row twice cannot tell anyone twice.
        var rows = notices.Select((n, i) => new OutboxEntity
        {
            PartitionKey = pk,
            RowKey = $"{lease.Item.Key}|told{i}",
            Target = JsonSerializer.Serialize(n.Target, Json.Options),
            Post = JsonSerializer.Serialize(n.Post, Json.Options),
            NextAttemptAt = now + WriterLease,
        }).ToList();
        List<TableTransactionAction> actions = [
            new(TableTransactionActionType.UpdateReplace, entity, entity.ETag),
            .. rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r))];
        try
        {
            var responses = await tables.Ledger.SubmitTransactionAsync(actions, cancellationToken);
            return rows.Select((r, i) => new OutboxItem(lease.Item.Workspace, r.RowKey, notices[i].Target, notices[i].Post, 0)
            {
                ETag = responses.Value[i + 1].Headers.ETag ?? ETag.All,
                LeasedUntil = r.NextAttemptAt,
            }).ToList();
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 404)
        {
            return []; // Someone else changed the row meanwhile: it is theirs now.
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && rows.Count > 0)
        {
            // Told already (an admin retried a row that failed again): park it without telling twice.
            await tables.Ledger.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
            return [];
        }
    }

    /// <summary>When a parked row would fall due: never, in effect. Everything at or beyond it counts as parked.</summary>
    public static readonly DateTimeOffset ParkedUntil = new(9000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>What an admin sees of a workspace's outbox: rows waiting, rows parked, and the latest parked one.</summary>
    public async Task<OutboxSummary> SummarizeAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var waiting = 0;
        var parked = 0;
        OutboxEntity? latest = null;
        await foreach (
            var e in tables.Ledger.QueryAsync<OutboxEntity>(
            Rows(workspace), select: ["RowKey", "NextAttemptAt", "LastError", "Post", "Timestamp"], cancellationToken: cancellationToken))
        {
            if (e.NextAttemptAt < ParkedUntil)
            {
                waiting++;
                continue;
            }
            parked++;
            if (latest is null || e.Timestamp > latest.Timestamp) latest = e;
        }
        return new OutboxSummary(waiting, parked, latest is null ? null : new ParkedPost(
            JsonSerializer.Deserialize<OutboxPost>(latest.Post, Json.Options)!.GetType().Name.Replace("Post", "", StringComparison.Ordinal),
            latest.Timestamp ?? clock.GetUtcNow(), latest.LastError ?? ""));
    }

    /// <summary>Makes every parked row of a workspace due now, with its attempts reset (an admin fixed the cause). Returns how many.</summary>
    public async Task<int> RetryParkedAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var filter = $"{Rows(workspace)} and {TableClient.CreateQueryFilter($"NextAttemptAt ge {ParkedUntil}")}";
        var now = clock.GetUtcNow();
        var count = 0;
        await foreach (var e in tables.Ledger.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            try
            {
                await tables.Ledger.UpdateEntityAsync(
                    new TableEntity(LedgerKeys.Partition(workspace), e.RowKey) { ["NextAttemptAt"] = now, ["Attempts"] = 0 }, e.ETag,
                    TableUpdateMode.Merge, cancellationToken);
                count++;
            }
            catch (RequestFailedException ex) when (ex.Status is 412 or 404)
            {
            }
        }
        return count;
    }

    private static string Trim(string error) => error.Length > 1000 ? error[..1000] : error;

    private static OutboxItem ToItem(WorkspaceId workspace, OutboxEntity e) => new(
        workspace,
        e.RowKey,
        JsonSerializer.Deserialize<PostTarget>(e.Target, Json.Options)!,
        JsonSerializer.Deserialize<OutboxPost>(e.Post, Json.Options)!,
        e.Attempts)
    {
        ETag = e.ETag,
    };
}

/// <summary>A workspace's outbox as an admin sees it.</summary>
public sealed record OutboxSummary(int Waiting, int Parked, ParkedPost? Latest);

/// <summary>The most recently parked post: its kind (Celebration, ApprovalRequest...), when, and the platform's reason.</summary>
public sealed record ParkedPost(string Kind, DateTimeOffset At, string Reason);
