using System.Globalization;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Audit;
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

    public Task SaveAsync(DigestSubscription s, CancellationToken cancellationToken) => SaveAsync(s, null, cancellationToken);

    /// <summary>Subscribes, and writes the admin's audit row in the same transaction (same table and partition).</summary>
    public async Task SaveAsync(DigestSubscription s, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var row = new TableEntity(LedgerKeys.Partition(s.Workspace), Prefix + LedgerKeys.Escape(s.Conversation.Id))
        {
            ["ConversationId"] = s.Conversation.Id,
            ["ConversationKind"] = s.Conversation.Kind.ToString(),
            ["TeamId"] = s.Conversation.TeamId,
            ["Day"] = s.Day.ToString(),
            ["Time"] = s.Time.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["TimeZone"] = s.TimeZone,
        };
        List<TableTransactionAction> actions = [new(TableTransactionActionType.UpsertReplace, row)];
        if (audit is not null) actions.Add(new(TableTransactionActionType.Add, AuditEntity.From(audit, row.PartitionKey, "")));
        await tables.Digests.SubmitTransactionAsync(actions, cancellationToken);
    }

    /// <summary>Unsubscribes (with the admin's audit row, in one transaction); false when there was no subscription.</summary>
    public async Task<bool> DeleteAsync(WorkspaceId workspace, string conversationId, AuditEntry? audit, CancellationToken cancellationToken)
    {
        var partition = LedgerKeys.Partition(workspace);
        var key = Prefix + LedgerKeys.Escape(conversationId);
        List<TableTransactionAction> actions = [new(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All)];
        if (audit is not null) actions.Add(new(TableTransactionActionType.Add, AuditEntity.From(audit, partition, "")));
        try
        {
            await tables.Digests.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<DigestSubscription>> ListAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {Prefix} and RowKey lt {LedgerKeys.PrefixEnd(Prefix)}");
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
