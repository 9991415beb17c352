using System.Collections.Concurrent;
using Azure.Data.Tables;
using RecognitionBot.Core.Dashboard;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    /// <summary>Every kudos given in [from, to), undone ones included, oldest first: one range read over time-ordered keys.</summary>
    public async Task<IReadOnlyList<KudosExportRow>> ExportKudosAsync(WorkspaceId workspace, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var rows = new List<KudosExportRow>();
        await foreach (var e in Table.QueryAsync<KudosEntity>(KudosRange(workspace, from, to), cancellationToken: cancellationToken))
        {
            var k = ToKudos(workspace, e);
            var addOns = k.AddOns.Sum(a => a.Points) * k.PublicRecipients.Count;
            rows.Add(new KudosExportRow(k.GivenAt, k.Id, k.Giver, k.Recipients, k.Points, addOns, OverviewBuilder.Points(k), k.Values, k.Message,
                k.Conversation.Id, k.Conversation.Kind, k.Conversation.TeamId, k.Private, k.Withdrawn));
        }
        return rows;
    }

    /// <summary>
    /// Every history line of [from, to), oldest first. Lines are keyed per member, newest first, so each member's lines of
    /// the range are one bounded range read; the members are read a few at a time.
    /// </summary>
    public async Task<IReadOnlyList<MovementExportRow>> ExportMovementsAsync(WorkspaceId workspace, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var members = new List<MemberId>();
        await foreach (var m in QueryMembersAsync(workspace, cancellationToken)) members.Add(m.Member);
        var rows = new ConcurrentBag<MovementExportRow>();
        var pk = LedgerKeys.Partition(workspace);
        await Parallel.ForEachAsync(members, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (member, ct) =>
        {
            // Newest first: the range's newest line sorts first, just after the key of its last instant.
            var (low, high) = (LedgerKeys.MovementAt(member, to.AddTicks(-1)), LedgerKeys.MovementAt(member, from.AddTicks(-1)));
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {low} and RowKey lt {high}");
            await foreach (var e in Table.QueryAsync<MovementEntity>(filter, cancellationToken: ct))
                rows.Add(new MovementExportRow(e.At, member, Enum.Parse<MovementKind>(e.Kind), e.Points, e.Reference,
                    e.Counterparty is null ? null : new MemberId(e.Counterparty), e.Note));
        });
        return [.. rows.OrderBy(r => r.At).ThenBy(r => r.Member.Value, StringComparer.Ordinal)];
    }

    /// <summary>Every redemption requested in [from, to), oldest first: one read of the redemption rows, filtered by storage.</summary>
    public async Task<IReadOnlyList<RedemptionExportRow>> ExportRedemptionsAsync(WorkspaceId workspace, DateTimeOffset from, DateTimeOffset to,
        CancellationToken cancellationToken)
    {
        var end = LedgerKeys.PrefixEnd(LedgerKeys.RedemptionPrefix);
        var pk = LedgerKeys.Partition(workspace);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {LedgerKeys.RedemptionPrefix} and RowKey lt {end} and RequestedAt ge {from} and RequestedAt lt {to}");
        var rows = new List<RedemptionExportRow>();
        await foreach (var e in Table.QueryAsync<RedemptionEntity>(filter, cancellationToken: cancellationToken))
        {
            var r = e.ToRow().Redemption;
            rows.Add(new RedemptionExportRow(r.RequestedAt, r.Id, r.Requester, r.RewardId, r.RewardName, r.Cost, r.State, r.DecidedBy, r.DecidedAt, r.Reason));
        }
        return [.. rows.OrderBy(r => r.RequestedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    private static string KudosRange(WorkspaceId workspace, DateTimeOffset from, DateTimeOffset to) => TableClient.CreateQueryFilter(
        $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {LedgerKeys.KudosFrom(from)} and RowKey lt {LedgerKeys.KudosFrom(to)}");
}
