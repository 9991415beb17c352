using Azure.Data.Tables;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Infrastructure;

/// <summary>Every row of a workspace's ledger partition (row key to ETag): equal before and after means nothing changed.</summary>
public static class PartitionSnapshot
{
    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(TableClient ledger, WorkspaceId workspace)
    {
        var rows = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var e in ledger.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {workspace.Key}")))
            rows[e.RowKey] = e.ETag.ToString();
        return rows;
    }
}
