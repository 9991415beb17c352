using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using RecognitionBot.Core.Admin.People;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    public async Task<BalanceView> GetBalanceAsync(WorkspaceId workspace, MemberId member, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var (entity, _) = await LoadMemberAsync(workspace, member, cancellationToken);
        var recent = new List<Movement>();
        await foreach (var m in QueryMovements(workspace, member, $"Kind eq '{MovementKind.Received}'", cancellationToken))
        {
            recent.Add(m);
            if (recent.Count == 5) break;
        }
        var row = entity.ToRow();
        return new BalanceView(member, Kudos.Allowance.Of(row, settings, clock.GetUtcNow()), row.Balance, recent);
    }

    public async Task<HistoryView> GetHistoryAsync(WorkspaceId workspace, MemberId member, int count, CancellationToken cancellationToken)
    {
        var list = new List<Movement>();
        await foreach (var m in QueryMovements(workspace, member, null, cancellationToken))
        {
            list.Add(m);
            if (list.Count == count) break;
        }
        return new HistoryView(member, list);
    }

    private async IAsyncEnumerable<Movement> QueryMovements(WorkspaceId workspace, MemberId member, string? extra,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var prefix = LedgerKeys.MovementPrefix(member);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {prefix} and RowKey lt {LedgerKeys.PrefixEnd(prefix)}");
        if (extra is not null) filter += " and " + extra;
        await foreach (var e in Table.QueryAsync<MovementEntity>(filter, maxPerPage: 20, cancellationToken: cancellationToken))
            yield return new Movement(
                e.At, Enum.Parse<MovementKind>(e.Kind), e.Points, e.Reference, e.Counterparty is null ? null : new MemberId(e.Counterparty), e.Note);
    }

    public async Task<LeaderboardView> GetLeaderboardAsync(
        WorkspaceId workspace, LeaderboardPeriod period, WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var pk = LedgerKeys.Partition(workspace);
        var tally = new Kudos.Leaderboard.LeaderboardTally();
        if (period == LeaderboardPeriod.All)
        {
            var end = LedgerKeys.PrefixEnd(LedgerKeys.MemberPrefix);
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {pk} and RowKey ge {LedgerKeys.MemberPrefix} and RowKey lt {end} and PublicKudosReceived gt 0");
            await foreach (var e in Table.QueryAsync<MemberEntity>(filter, cancellationToken: cancellationToken))
            {
                // Leavers keep their history but leave the ranking of the people still here.
                if (e.PrivateCelebrations || e.LeftAt is not null) continue;
                var values = string.IsNullOrEmpty(e.ValueCounts) ? [] : JsonSerializer.Deserialize<Dictionary<string, int>>(e.ValueCounts, Json.Options)!;
                tally.Set(new MemberId(e.MemberId), e.PublicKudosReceived, e.PublicPointsReceived, values);
            }
        }
        else
        {
            var (from, to) = Clock.Range(clock.GetUtcNow(), settings.Zone, period);
            await foreach (var k in QueryKudosAsync(workspace, from, to, cancellationToken)) tally.Add(k);
        }
        // Counted only while public, and not named at all once someone chooses privacy (or has left). Only the best
        // placed are read, a few at a time until ten are kept: not the row of everyone the period's kudos reached.
        return await tally.TopAsync(period, async chunk => period == LeaderboardPeriod.All
            ? new HashSet<MemberId>()
            : (await GetMembersAsync(workspace, chunk, cancellationToken)).Where(s => s.PrivateCelebrations || s.HasLeft).Select(s => s.Member).ToHashSet());
    }

    /// <summary>The kudos given in [from, to): one range query over time-ordered keys, whatever the history's size.</summary>
    public async IAsyncEnumerable<Kudos.Kudos> QueryKudosAsync(WorkspaceId workspace, DateTimeOffset from, DateTimeOffset to,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in Table.QueryAsync<KudosEntity>(KudosRange(workspace, from, to), cancellationToken: cancellationToken))
            // An undone kudos is history, not recognition: digests and leaderboards leave it out.
            if (!e.Withdrawn) yield return ToKudos(workspace, e);
    }

    internal static Kudos.Kudos ToKudos(WorkspaceId workspace, KudosEntity e) => new(
        e.KudosId,
        workspace,
        new MemberId(e.Giver),
        RowMapping.ReadList(e.Recipients).Select(x => new MemberId(x)).ToList(),
        e.Points,
        e.Message,
        RowMapping.ReadList(e.Values),
        new ConversationRef(e.ConversationId, Enum.Parse<ConversationKind>(e.ConversationKind), e.TeamId),
        e.GivenAt,
        e.Private,
        RowMapping.ReadList(e.PrivateRecipients).Select(x => new MemberId(x)).ToList(),
        RowMapping.ReadList(e.FirstTimeRecipients).Select(x => new MemberId(x)).ToList())
    {
        AddOns = RowMapping.ReadAddOns(e.AddOns),
        Withdrawn = e.Withdrawn,
        Link = e.Link,
        Customer = string.IsNullOrEmpty(e.Customer) ? null : JsonSerializer.Deserialize<Kudos.CustomerCompliment>(e.Customer, Json.Options),
    };

    public async Task<MemberState> GetMemberAsync(WorkspaceId workspace, MemberId member, CancellationToken cancellationToken) =>
        ToState((await LoadMemberAsync(workspace, member, cancellationToken)).Entity);

    public async Task<IReadOnlyList<MemberState>> GetMembersAsync(
        WorkspaceId workspace, IReadOnlyCollection<MemberId> members, CancellationToken cancellationToken) =>
        await Task.WhenAll(members.Select(m => GetMemberAsync(workspace, m, cancellationToken)));

    public Task<MemberState> UpdateMemberAsync(WorkspaceId workspace, MemberId member, MemberChange change, CancellationToken cancellationToken) =>
        UpdateMemberAsync(workspace, member, change, null, cancellationToken);

    public async Task<MemberState> UpdateMemberAsync(WorkspaceId workspace, MemberId member, MemberChange change, Func<MemberState, AuditEntry>? audit,
        CancellationToken cancellationToken) =>
        (await CommitMemberAsync(workspace, member, row => (change.ApplyTo(row), audit?.Invoke(row.State)), cancellationToken))!.State;

    public async Task<CommandResult> ChangeMemberAsync(WorkspaceId workspace, MemberId member, Func<MemberRow, Decided<MemberChangeDecision>> decide,
        CancellationToken cancellationToken)
    {
        Decided<MemberChangeDecision>? decided = null;
        await CommitMemberAsync(workspace, member, row => (decided = decide(row)).Decision is { } d ? (d.Next, d.Audit) : null, cancellationToken);
        return decided!.Answer ?? decided.Decision!.Result;
    }

    /// <summary>Loads a member's row, lets <paramref name="step"/> change (or, returning null, leave) it, commits; again on a conflict.</summary>
    private async Task<MemberRow?> CommitMemberAsync(WorkspaceId workspace, MemberId member, Func<MemberRow, (MemberRow Next, AuditEntry? Audit)?> step,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (entity, existed) = await LoadMemberAsync(workspace, member, cancellationToken);
            var before = entity.ToRow();
            if (step(before) is not var (next, entry)) return null;
            entity.Apply(before, next);
            try
            {
                if (entry is not null && entry.Before != entry.After)
                {
                    var batch = new Batch(LedgerKeys.Partition(workspace));
                    batch.Put(entity, existed);
                    batch.Audit(entry);
                    await SubmitAsync(batch, workspace, cancellationToken);
                }
                else if (existed) await Table.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                else await Table.AddEntityAsync(entity, cancellationToken);
                return next;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < MaxAttempts)
            {
            }
        }
    }

    private static MemberState ToState(MemberEntity e) => e.ToRow().State;
}
