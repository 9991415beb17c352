using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Storage;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Digests;

/// <summary>A channel (Slack) or team (Teams) that gets the weekly digest at its own local time.</summary>
public sealed record DigestSubscription(WorkspaceId Workspace, ConversationRef Conversation, DayOfWeek Day, TimeOnly Time, string TimeZone);

/// <summary>Subscriptions in the <c>digests</c> table, partition = workspace, row = <c>sub|{conversation}</c>.</summary>
public sealed class DigestSubscriptions(TableStore tables)
{
    private const string Prefix = "sub|";

    public async Task SaveAsync(DigestSubscription s, CancellationToken cancellationToken) =>
        await tables.Digests.UpsertEntityAsync(new TableEntity(LedgerKeys.Partition(s.Workspace), Prefix + LedgerKeys.Escape(s.Conversation.Id))
        {
            ["ConversationId"] = s.Conversation.Id,
            ["ConversationKind"] = s.Conversation.Kind.ToString(),
            ["TeamId"] = s.Conversation.TeamId,
            ["Day"] = s.Day.ToString(),
            ["Time"] = s.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["TimeZone"] = s.TimeZone,
        }, TableUpdateMode.Replace, cancellationToken);

    public async Task<bool> DeleteAsync(WorkspaceId workspace, string conversationId, CancellationToken cancellationToken)
    {
        try
        {
            await tables.Digests.DeleteEntityAsync(LedgerKeys.Partition(workspace), Prefix + LedgerKeys.Escape(conversationId), ETag.All, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {Prefix} and RowKey lt {LedgerKeys.PrefixEnd(Prefix)}");
        var list = new List<DigestSubscription>();
        await foreach (var e in tables.Digests.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            list.Add(new DigestSubscription(
                workspace,
                new ConversationRef(e.GetString("ConversationId"), Enum.Parse<ConversationKind>(e.GetString("ConversationKind")), e.GetString("TeamId")),
                Enum.Parse<DayOfWeek>(e.GetString("Day")),
                TimeOnly.ParseExact(e.GetString("Time"), "HH:mm", CultureInfo.InvariantCulture),
                e.GetString("TimeZone")));
        return list;
    }
}
