using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    /// <summary>
    /// Deletes up to <paramref name="max"/> <c>once|</c> rows of a workspace last written before <paramref name="before"/>:
    /// delivery keys and digest claims, which matter for minutes (platform retries) or a week (a digest's claim) and
    /// would otherwise grow the partition with every command ever handled. Returns how many went.
    /// </summary>
    public async Task<int> ForgetHandledBeforeAsync(WorkspaceId workspace, DateTimeOffset before, int max, CancellationToken cancellationToken)
    {
        var partition = LedgerKeys.Partition(workspace);
        var end = LedgerKeys.PrefixEnd(LedgerKeys.OncePrefix);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {partition} and RowKey ge {LedgerKeys.OncePrefix} and RowKey lt {end} and Timestamp lt {before}");
        var old = new List<string>();
        await foreach (
            var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: Math.Min(max, 1000), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            old.Add(row.RowKey);
            if (old.Count >= max) break;
        }
        // A transaction holds 100 rows; deleting a row already gone (another instance) fails only its own batch.
        var deleted = 0;
        foreach (var chunk in old.Chunk(100))
        {
            try
            {
                await Table.SubmitTransactionAsync(
                    chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, k), ETag.All)),
                        cancellationToken);
                deleted += chunk.Length;
            }
            catch (TableTransactionFailedException e) when (e.Status == 404)
            {
                log.LogInformation("Some handled-delivery rows of {Workspace} were already deleted", workspace);
            }
        }
        return deleted;
    }
}
