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
        var found = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(
            LedgerKeys.Partition(workspace), LedgerKeys.Escape(key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? e.GetString("Reference") : null;
    }

    /// <summary>The reference with its version, for <see cref="TrySaveAsync"/>.</summary>
    public async Task<(string? Reference, ETag? Version)> FindVersionAsync(WorkspaceId workspace, string key, CancellationToken cancellationToken)
    {
        var found = await tables.Conversations.GetEntityIfExistsAsync<TableEntity>(
            LedgerKeys.Partition(workspace), LedgerKeys.Escape(key), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? (e.GetString("Reference"), e.ETag) : (null, null);
    }

    /// <summary>
    /// Writes the reference only if nobody changed it since <paramref name="version"/> was read (null: only if there
    /// is none yet), so instances deciding on the same record (e.g. "welcomed yet?") never both win. The new version,
    /// or null when someone else got there first.
    /// </summary>
    public async Task<ETag?> TrySaveAsync(WorkspaceId workspace, string key, string reference, ETag? version, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(LedgerKeys.Partition(workspace), LedgerKeys.Escape(key)) { ["Reference"] = reference };
        try
        {
            var response = version is { } v
                ? await tables.Conversations.UpdateEntityAsync(entity, v, TableUpdateMode.Replace, cancellationToken)
                : await tables.Conversations.AddEntityAsync(entity, cancellationToken);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return null;
        }
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
