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

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(WorkspaceId workspace, int count, CancellationToken cancellationToken)
    {
        count = Math.Clamp(count, 1, MaxCount);
        var partition = LedgerKeys.Partition(workspace);
        var settingsPrefix = WorkspaceStore.AuditPrefix(workspace);
        var reads = await Task.WhenAll(
            FirstAsync(tables.Ledger, partition, LedgerKeys.AuditPrefix, count, cancellationToken),
            FirstAsync(tables.Workspaces, WorkspaceStore.PartitionOf(workspace), settingsPrefix + LedgerKeys.AuditPrefix, count, cancellationToken),
            FirstAsync(tables.Digests, partition, LedgerKeys.AuditPrefix, count, cancellationToken));
        return reads.SelectMany(r => r).OrderByDescending(e => e.At).Take(count).ToList();
    }

    private static async Task<List<AuditEntry>> FirstAsync(TableClient table, string partition, string prefix, int count, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {LedgerKeys.PrefixEnd(prefix)}");
        var list = new List<AuditEntry>(count);
        await foreach (var e in table.QueryAsync<AuditEntity>(filter, maxPerPage: count, cancellationToken: cancellationToken))
        {
            list.Add(e.ToEntry());
            if (list.Count == count) break;
        }
        return list;
    }
}
