using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Audit;

/// <summary>
/// Reads the audit rows of a workspace from the three places changes happen: the ledger partition (rewards, roles,
/// managers, decisions), the workspace's settings rows and its digest subscriptions. Each place keeps its rows newest
/// first (inverted ticks), so the latest N are the first N of each, merged.
/// </summary>
public sealed class TableAuditLog(TableStore tables) : IAuditLog
{
    public const int MaxCount = Commands.AuditLogCommand.Max;

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(WorkspaceId workspace, int count, CancellationToken cancellationToken) =>
        (await ReadAsync(workspace, Math.Clamp(count, 1, MaxCount), cancellationToken)).Take(count).ToList();

    // A page by offset rather than by a time cursor: rows of one instant (a burst of changes) never fall between two
    // pages. Each page reads the rows before it, so the reach is bounded (AuditLogCommand.MaxReach).
    public async Task<(IReadOnlyList<AuditEntry> Entries, bool More)> PageAsync(WorkspaceId workspace, int skip, int count, CancellationToken cancellationToken)
    {
        count = Math.Clamp(count, 1, MaxCount);
        skip = Math.Clamp(skip, 0, Commands.AuditLogCommand.MaxReach);
        var read = await ReadAsync(workspace, skip + count + 1, cancellationToken);
        return (read.Skip(skip).Take(count).ToList(), read.Count > skip + count);
    }

    /// <summary>The newest <paramref name="count"/> rows of each place, merged newest first (ties in a fixed order: place, then key).</summary>
    private async Task<List<AuditEntry>> ReadAsync(WorkspaceId workspace, int count, CancellationToken cancellationToken)
    {
        var partition = LedgerKeys.Partition(workspace);
        var settingsPrefix = WorkspaceStore.AuditPrefix(workspace);
        var reads = await Task.WhenAll(
            FirstAsync(tables.Ledger, partition, LedgerKeys.AuditPrefix, count, cancellationToken),
            FirstAsync(tables.Workspaces, WorkspaceStore.PartitionOf(workspace), settingsPrefix + LedgerKeys.AuditPrefix, count, cancellationToken),
            FirstAsync(tables.Digests, partition, LedgerKeys.AuditPrefix, count, cancellationToken));
        // OrderByDescending is stable: rows of one instant keep the order of their place and key.
        return reads.SelectMany(r => r).OrderByDescending(e => e.At).Take(count).ToList();
    }

    private static async Task<List<AuditEntry>> FirstAsync(TableClient table, string partition, string prefix, int count, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {LedgerKeys.PrefixEnd(prefix)}");
        var list = new List<AuditEntry>(count);
        await foreach (var e in table.QueryAsync<AuditEntity>(filter, maxPerPage: Math.Min(count, 1000), cancellationToken: cancellationToken))
        {
            list.Add(e.ToEntry());
            if (list.Count == count) break;
        }
        return list;
    }
}
