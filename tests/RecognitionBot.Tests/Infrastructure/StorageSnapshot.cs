using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>
/// Rows of a workspace in storage, keyed <c>table|partition|row</c> with their ETags: equal before and after means
/// nothing was written, which every attack and refusal test asserts. The one helper for that, in two widths.
/// </summary>
public static class StorageSnapshot
{
    /// <summary>
    /// Every row the workspaces own: their partition in every table (ledger, digests, conversations, installations)
    /// and, in <c>workspaces</c>, their settings row with its audit rows.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, string>> ReadAsync(TableStore tables, params WorkspaceId[] workspaces) =>
        ReadAsync(tables, tables.All, workspaces);

    /// <summary>
    /// The workspace's ledger partition only: for refusals that may still write what is not the person's (a Grid
    /// team's enterprise, a member's own settings row after a refused command) but must not touch points, history or posts.
    /// </summary>
    public static Task<IReadOnlyDictionary<string, string>> LedgerAsync(TableStore tables, WorkspaceId workspace) =>
        ReadAsync(tables, [tables.Ledger], [workspace]);

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(TableStore tables, IEnumerable<TableClient> among, WorkspaceId[] workspaces)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var workspace in workspaces)
        {
            var partition = LedgerKeys.Partition(workspace);
            // The settings row is keyed by the workspace's id in its platform's partition; its audit rows follow it ("id|…").
            var settingsRow = LedgerKeys.Escape(workspace.Id);
            var platform = workspace.Platform.ToString().ToLowerInvariant();
            // Locals rather than a split literal: the filter is a FormattableString whose values Azure escapes.
            var (auditFrom, auditEnd) = (settingsRow + "|", settingsRow + "}");
            foreach (var table in among)
            {
                var filter = table.Name == tables.Workspaces.Name
                    ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} or ") +
                        TableClient.CreateQueryFilter(
                            $"(PartitionKey eq {platform} and (RowKey eq {settingsRow} or (RowKey ge {auditFrom} and RowKey lt {auditEnd})))")
                    : TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
                await foreach (var e in table.QueryAsync<TableEntity>(filter))
                    rows[$"{table.Name}|{e.PartitionKey}|{e.RowKey}"] = e.ETag.ToString();
            }
        }
        return rows;
    }

    /// <summary>The row keys in a snapshot (whatever table they are in), for "no row of this kind" checks.</summary>
    public static IEnumerable<string> RowKeys(IReadOnlyDictionary<string, string> snapshot) =>
        snapshot.Keys.Select(k => k.Split('|', 3)[2]);

    /// <summary>The audit rows among a snapshot's keys.</summary>
    public static IReadOnlyList<string> AuditRows(IReadOnlyDictionary<string, string> snapshot) =>
        snapshot.Keys.Where(k => k.Contains("audit|", StringComparison.Ordinal)).ToList();
}
