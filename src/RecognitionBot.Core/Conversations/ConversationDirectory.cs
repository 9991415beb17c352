using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Conversations;

/// <summary>
/// Where and how to reach a member or a channel on its platform (a Teams service URL and conversation id, a
/// Slack DM channel), kept as the adapter's own opaque JSON in the <c>conversations</c> table.
/// </summary>
public sealed class ConversationDirectory(TableStore tables)
{
    public async Task SaveAsync(WorkspaceId workspace, string key, string reference, CancellationToken cancellationToken) =>
        await tables.Conversations.UpsertEntityAsync(
            new TableEntity(LedgerKeys.Partition(workspace), LedgerKeys.Escape(key)) { ["Reference"] = reference },
            TableUpdateMode.Replace, cancellationToken);

    public async Task<string?> FindAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken)
    {
        var found = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(LedgerKeys.Partition(workspace), LedgerKeys.Escape(key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? e.GetString("Reference") : null;
    }

    public async Task DeleteAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Conversations.DeleteEntityAsync(LedgerKeys.Partition(workspace), LedgerKeys.Escape(key), ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
