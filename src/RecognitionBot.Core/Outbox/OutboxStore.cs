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
    /// <summary>After this many failed attempts a row stops being retried and waits for an operator (it is logged, never deleted).</summary>
    public const int MaxAttempts = 12;

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
        return await QueryAsync(workspace, $"{Rows(workspace)} and {TableClient.CreateQueryFilter($"NextAttemptAt le {clock.GetUtcNow()}")}", max, cancellationToken);
    }

    private static string Rows(WorkspaceId workspace) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {LedgerKeys.OutboxPrefix} and RowKey lt {LedgerKeys.PrefixEnd(LedgerKeys.OutboxPrefix)}");

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
                    leases.Select(l => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(LedgerKeys.Partition(l.Item.Workspace), l.Item.Key), l.ETag)),
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

    /// <summary>Tries again after <paramref name="wait"/>; returns false when the row has used its attempts and is parked.</summary>
    public async Task<bool> RetryLaterAsync(OutboxLease lease, string error, TimeSpan wait, bool permanent, CancellationToken cancellationToken)
    {
        var pk = LedgerKeys.Partition(lease.Item.Workspace);
        var found = await tables.Ledger.GetEntityIfExistsAsync<OutboxEntity>(pk, lease.Item.Key, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity) return false;
        entity.Attempts++;
        entity.LastError = error.Length > 1000 ? error[..1000] : error;
        var parked = permanent || entity.Attempts >= MaxAttempts;
        entity.NextAttemptAt = parked ? DateTimeOffset.MaxValue.AddYears(-1) : clock.GetUtcNow() + wait;
        try
        {
            await tables.Ledger.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
        }
        return !parked;
    }

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
