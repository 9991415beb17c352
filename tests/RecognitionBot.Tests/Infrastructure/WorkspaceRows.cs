using Azure.Data.Tables;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>
/// Every row a workspace owns, wherever it lives: its ledger partition, its settings row and their audit rows in
/// <c>workspaces</c>, its digest subscriptions and their audit rows. Keyed <c>table/row</c> with the ETag, so a
/// before/after comparison shows any change an attack or a refused command might have made.
/// </summary>
public static class WorkspaceRows
{
    public static async Task<IReadOnlyDictionary<string, string>> SnapshotAsync(TableStore tables, WorkspaceId workspace)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await AddAsync(rows, "ledger", tables.Ledger, TableClient.CreateQueryFilter($"PartitionKey eq {workspace.Key}"));
        await AddAsync(rows, "digests", tables.Digests, TableClient.CreateQueryFilter($"PartitionKey eq {workspace.Key}"));
        var platform = workspace.Platform.ToString().ToLowerInvariant();
        await AddAsync(rows, "workspaces", tables.Workspaces,
            TableClient.CreateQueryFilter($"PartitionKey eq {platform} and RowKey ge {workspace.Id} and RowKey lt {workspace.Id + "~"}"));
        return rows;
    }

    /// <summary>The audit rows among a snapshot's keys.</summary>
    public static IReadOnlyList<string> AuditRows(IReadOnlyDictionary<string, string> snapshot) =>
        snapshot.Keys.Where(k => k.Contains("audit|", StringComparison.Ordinal)).ToList();

    private static async Task AddAsync(SortedDictionary<string, string> rows, string name, TableClient table, string filter)
    {
        await foreach (var e in table.QueryAsync<TableEntity>(filter))
            rows[$"{name}/{e.RowKey}"] = e.ETag.ToString();
    }
}
