using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Members.Leavers;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    public async Task<CommandResult> MarkLeftAsync(WorkspaceId workspace, MemberId member, bool left, string? deliveryKey, CancellationToken cancellationToken)
    {
        using (await LockAsync(workspace, [member], cancellationToken))
            return await RetryOnConflictAsync(workspace, deliveryKey, async _ =>
            {
                var (entity, existed) = await LoadMemberAsync(workspace, member, cancellationToken);
                var before = entity.ToRow();
                var now = clock.GetUtcNow();
                var decided = LeaverDecider.Mark(before, left, now);
                if (decided.Decision is not { } d) return decided.Answer!;
                entity.Apply(before, d.Member);
                var batch = new Batch(LedgerKeys.Partition(workspace));
                batch.Put(entity, existed);
                AddCommon(batch, now, [], d.Audit, [], deliveryKey, d.Result);
                await SubmitAsync(batch, workspace, cancellationToken);
                log.LogInformation("{Member} in {Workspace} marked {State}", member, workspace, left ? "left" : "back");
                return d.Result;
            }, cancellationToken);
    }

    public async Task<IReadOnlyList<Redemption>> GetPendingRedemptionsAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var pk = LedgerKeys.Partition(workspace);
        var pending = nameof(RedemptionState.Pending);
        var end = LedgerKeys.PrefixEnd(LedgerKeys.RedemptionPrefix);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {LedgerKeys.RedemptionPrefix} and RowKey lt {end} and State eq {pending}");
        var list = new List<Redemption>();
        await foreach (var e in Table.QueryAsync<RedemptionEntity>(filter, cancellationToken: cancellationToken)) list.Add(e.ToRow().Redemption);
        return list;
    }

    public Task<CommandResult> CancelForLeaverAsync(
        WorkspaceId workspace, MemberId leaver, string redemptionId, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(workspace, null, _ => TryCloseAsync(workspace, redemptionId, releases: true, null,
            (state, now) => LeaverDecider.CancelRequest(state, leaver, settings, now), cancellationToken), cancellationToken);

    public Task<CommandResult> RerouteAsync(
        WorkspaceId workspace, MemberId leaver, string redemptionId, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(workspace, null, async _ =>
        {
            var (redemption, existed) = await LoadAsync(
                workspace, LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), () => new RedemptionEntity(), cancellationToken);
            if (!existed) return new Refused(Refusal.UnknownRedemption, redemptionId);
            var row = redemption.ToRow();
            var requesterTask = LoadMemberAsync(workspace, row.Redemption.Requester, cancellationToken);
            var approvers = (await Task.WhenAll(settings.Approvers.Distinct().Select(a => LoadMemberAsync(workspace, a, cancellationToken))))
                .Select(a => a.Entity.ToRow()).ToList();
            var requester = (await requesterTask).Entity.ToRow();
            var now = clock.GetUtcNow();
            var decided = LeaverDecider.Reroute(new RerouteState(row, requester, approvers), leaver, settings, now);
            if (decided.Decision is not { } d) return decided.Answer!;
            var batch = new Batch(LedgerKeys.Partition(workspace));
            batch.Put(redemption.Apply(d.Redemption), existed: true);
            AddCommon(batch, now, [], null, d.Posts, null, d.Result);
            await SubmitAsync(batch, workspace, cancellationToken);
            log.LogInformation("Redemption {RedemptionId} in {Workspace} re-routed from {Leaver} to {Approvers}", redemptionId, workspace, leaver,
                string.Join(", ", d.Added));
            return d.Result;
        }, cancellationToken);
}
