using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Admin.Catalogue;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Rewards.Cancel;
using RecognitionBot.Core.Rewards.Decide;
using RecognitionBot.Core.Rewards.Redeem;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    public async Task<IReadOnlyList<Reward>> GetRewardsAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await LoadRewardsAsync(workspace, cancellationToken)).Where(e => !e.Removed).Select(RowMapping.ToReward).OrderBy(r => r.Cost).ThenBy(
            r => r.Name).ToList();

    public async Task<CommandResult> AddRewardAsync(WorkspaceId workspace, MemberId admin, AddRewardCommand command, CancellationToken cancellationToken)
    {
        var decided = AddRewardDecider.Decide(CatalogueOf(await LoadRewardsAsync(workspace, cancellationToken)), command, admin, clock.GetUtcNow());
        if (decided.Decision is not { } d) return decided.Answer!;
        var batch = new Batch(LedgerKeys.Partition(workspace));
        batch.Add(new RewardEntity
        {
            RowKey = LedgerKeys.Reward(d.Reward.Id),
            Name = d.Reward.Name,
            Cost = d.Reward.Cost,
            Stock = d.Reward.Stock,
            NeedsApproval = d.Reward.NeedsApproval,
            MonthlyLimit = d.Reward.MonthlyLimit,
        });
        batch.Audit(d.Audit);
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return new Refused(Refusal.RewardExists, command.Name);
        }
        return d.Result;
    }

    public async Task<CommandResult> RemoveRewardAsync(WorkspaceId workspace, MemberId admin, RemoveRewardCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (reward, existed) = await LoadAsync(
                workspace, LedgerKeys.Reward(command.RewardId.ToLowerInvariant()), () => new RewardEntity(), cancellationToken);
            var decided = RemoveRewardDecider.Decide(existed && !reward.Removed ? reward.ToReward() : null, command, admin, clock.GetUtcNow());
            if (decided.Decision is not { } d) return decided.Answer!;
            reward.Removed = true;
            if (await TryCommitRewardAsync(workspace, reward, d.Audit, d.Result, cancellationToken) is { } done) return done;
        }
        return new Refused(Refusal.Busy);
    }

    public Task<CommandResult> EditRewardAsync(WorkspaceId workspace, MemberId admin, EditRewardCommand command, CancellationToken cancellationToken) =>
        ChangeRewardAsync(workspace, state => EditRewardDecider.Decide(state, command, admin, clock.GetUtcNow()), cancellationToken);

    public Task<CommandResult> RestockRewardAsync(WorkspaceId workspace, MemberId admin, RestockRewardCommand command, CancellationToken cancellationToken) =>
        ChangeRewardAsync(workspace, state => RestockRewardDecider.Decide(
            state.Live.FirstOrDefault(r => string.Equals(r.Id, command.RewardId, StringComparison.OrdinalIgnoreCase)), command, admin, clock.GetUtcNow()),
            cancellationToken);

    /// <summary>
    /// Loads the catalog, lets <paramref name="decide"/> change one live reward, writes it back (only if nobody changed
    /// it since: a redemption moves its stock) with its audit row; decided again on a conflict.
    /// </summary>
    private async Task<CommandResult> ChangeRewardAsync(
        WorkspaceId workspace, Func<CatalogueState, Decided<RewardChangeDecision>> decide, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var rewards = await LoadRewardsAsync(workspace, cancellationToken);
            var decided = decide(CatalogueOf(rewards));
            if (decided.Decision is not { } d) return decided.Answer!;
            var entity = rewards.First(e => e.RowKey == LedgerKeys.Reward(d.Reward.Id));
            entity.Name = d.Reward.Name;
            entity.Cost = d.Reward.Cost;
            entity.Stock = d.Reward.Stock;
            entity.NeedsApproval = d.Reward.NeedsApproval;
            entity.MonthlyLimit = d.Reward.MonthlyLimit;
            if (await TryCommitRewardAsync(workspace, entity, d.Audit, d.Result, cancellationToken) is { } done) return done;
        }
        return new Refused(Refusal.Busy);
    }

    /// <summary>A reward row written back, only if nobody changed it since, with its audit row; null after a conflict (decide again).</summary>
    private async Task<CommandResult?> TryCommitRewardAsync(
        WorkspaceId workspace, RewardEntity reward, Audit.AuditEntry audit, CommandResult result, CancellationToken cancellationToken)
    {
        var batch = new Batch(LedgerKeys.Partition(workspace));
        batch.Put(reward, existed: true);
        batch.Audit(audit);
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
            return result;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null;
        }
    }

    private static CatalogueState CatalogueOf(List<RewardEntity> rewards) =>
        new(rewards.Where(e => !e.Removed).Select(RowMapping.ToReward).ToList(), rewards.Select(e => e.RowKey[LedgerKeys.RewardPrefix.Length..]).ToHashSet());

    public async Task<IReadOnlyList<Redemption>> GetPendingRedemptionsAsync(WorkspaceId workspace, MemberId approver, CancellationToken cancellationToken)
    {
        var end = LedgerKeys.PrefixEnd(LedgerKeys.RedemptionPrefix);
        var pending = nameof(RedemptionState.Pending);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {LedgerKeys.RedemptionPrefix} and RowKey lt {end} and State eq {pending}");
        var found = new List<Redemption>();
        await foreach (var e in Table.QueryAsync<RedemptionEntity>(filter, cancellationToken: cancellationToken))
            if (e.ToRow().Redemption is { } r && r.Approvers.Contains(approver) && r.Requester != approver) found.Add(r);
        return [.. found.OrderBy(r => r.RequestedAt)];
    }

    public async Task<Redemption?> GetRedemptionAsync(WorkspaceId workspace, string redemptionId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<RedemptionEntity>(
            LedgerKeys.Partition(workspace), LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? e.ToRow().Redemption : null;
    }

    public async Task<CommandResult> RedeemAsync(RedeemRequest request, CancellationToken cancellationToken)
    {
        using (await LockAsync(request.Workspace, [request.Requester], cancellationToken))
            return await RetryOnConflictAsync(request.Workspace, request.DeliveryKey, _ => TryRedeemAsync(request, cancellationToken), cancellationToken);
    }

    /// <summary>Finds the reward, loads what <see cref="RedeemDecider"/> needs, commits what it decided.</summary>
    private async Task<CommandResult> TryRedeemAsync(RedeemRequest r, CancellationToken cancellationToken)
    {
        var rewards = await LoadRewardsAsync(r.Workspace, cancellationToken);
        var (found, refusal) = RewardCatalogue.Find(rewards.Where(e => !e.Removed).Select(RowMapping.ToReward).ToList(), r.Reward);
        if (found is null) return refusal!;
        var rewardEntity = rewards.First(e => e.RowKey == LedgerKeys.Reward(found.Id));

        var now = clock.GetUtcNow();
        var memberTask = LoadMemberAsync(r.Workspace, r.Requester, cancellationToken);
        var counterTask = LoadAsync(
            r.Workspace, LedgerKeys.RedemptionCount(r.Requester, found.Id, RedeemDecider.MonthOf(now, r.Settings)), () => new CounterEntity(),
            cancellationToken);
        // The approvers' rows only give their cards a language: read only when there will be cards.
        var approverTasks = found.NeedsApproval
            ? r.Approvers.Distinct().Select(a => LoadMemberAsync(r.Workspace, a, cancellationToken)).ToList()
            : [];
        var (member, memberExisted) = await memberTask;
        var (counter, counterExisted) = await counterTask;
        var approvers = (await Task.WhenAll(approverTasks)).Select(a => a.Entity.ToRow()).ToList();
        var memberRow = member.ToRow();

        var decided = RedeemDecider.Decide(new RedeemState(found, memberRow, counter.Count, approvers, LedgerKeys.NewId()), r, r.Settings, now);
        if (decided.Decision is not { } d) return decided.Answer!;

        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        member.Apply(memberRow, d.Requester);
        batch.Put(member, memberExisted);
        // Stock is the only part of the reward a redemption changes; unlimited rewards are not contended.
        if (d.Reward is { } stocked)
        {
            rewardEntity.ApplyStock(stocked);
            batch.Put(rewardEntity, existed: true);
        }
        counter.Count = d.RedeemedThisMonth;
        batch.Put(counter, counterExisted);
        batch.Add(new RedemptionEntity { RowKey = LedgerKeys.Redemption(d.Redemption.Redemption.Id) }.Apply(d.Redemption));
        AddCommon(batch, now, [d.History], null, d.Posts, r.DeliveryKey, d.Result);
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Redemption {RedemptionId} of {Reward} by {Member} in {Workspace}: {State}",
            d.Redemption.Redemption.Id, found.Id, r.Requester, r.Workspace, d.Redemption.Redemption.State);
        return d.Result;
    }

    public Task<CommandResult> DecideAsync(DecideRequest request, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(
            request.Workspace, request.DeliveryKey, _ => TryCloseAsync(request.Workspace, request.RedemptionId, !request.Approve, request.DeliveryKey,
            (state, now) => DecisionDecider.Decide(state, request, request.Settings, now), cancellationToken), cancellationToken);

    public Task<CommandResult> CancelAsync(
        WorkspaceId workspace, MemberId requester, string redemptionId, string? deliveryKey, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(workspace, deliveryKey, _ => TryCloseAsync(workspace, redemptionId, releases: true, deliveryKey,
            (state, now) => CancelDecider.Decide(state, new CancelRedemptionCommand(redemptionId), requester, settings, now), cancellationToken),
                cancellationToken);

    /// <summary>
    /// Loads a redemption with its requester's row, its reward and (when the hold would be <paramref name="releases"/>d)
    /// the month's count, lets <paramref name="decide"/> decide, and commits approve, reject or cancel as one transaction.
    /// </summary>
    private async Task<CommandResult> TryCloseAsync(WorkspaceId workspace, string redemptionId, bool releases, string? deliveryKey,
        Func<CloseState, DateTimeOffset, Decided<CloseDecision>> decide, CancellationToken cancellationToken)
    {
        var (redemption, existed) = await LoadAsync(
            workspace, LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), () => new RedemptionEntity(), cancellationToken);
        var now = clock.GetUtcNow();
        if (!existed) return decide(new CloseState(null, null, null, null), now).Answer!;
        var row = redemption.ToRow();
        var requester = row.Redemption.Requester;
        var memberTask = LoadMemberAsync(workspace, requester, cancellationToken);
        var rewardTask = LoadAsync(workspace, LedgerKeys.Reward(row.Redemption.RewardId), () => new RewardEntity(), cancellationToken);
        Task<(CounterEntity Entity, bool Existed)>? counterTask = releases && row.Redemption.State == RedemptionState.Pending
            ? LoadAsync(
                workspace, LedgerKeys.RedemptionCount(requester, row.Redemption.RewardId, row.Month ?? ""), () => new CounterEntity(), cancellationToken)
            : null;
        var (member, memberExisted) = await memberTask;
        var (reward, rewardExisted) = await rewardTask;
        var counter = counterTask is null ? default : await counterTask;
        var memberRow = member.ToRow();

        var decided = decide(new CloseState(row, memberRow, rewardExisted ? reward.ToReward() : null, counter.Existed ? counter.Entity.Count : null), now);
        if (decided.Decision is not { } d) return decided.Answer!;

        var batch = new Batch(LedgerKeys.Partition(workspace));
        member.Apply(memberRow, d.Requester);
        batch.Put(member, memberExisted);
        if (d.Reward is { } stocked)
        {
            reward.ApplyStock(stocked);
            batch.Put(reward, existed: true);
        }
        if (d.RedeemedThatMonth is { } count)
        {
            counter.Entity.Count = count;
            batch.Put(counter.Entity, existed: true);
        }
        batch.Put(redemption.Apply(d.Redemption), existed: true);
        AddCommon(batch, now, [d.History], d.Audit, d.Posts, deliveryKey, d.Result);
        await SubmitAsync(batch, workspace, cancellationToken);
        log.LogInformation("Redemption {RedemptionId} in {Workspace} {State} by {Member}", d.Redemption.Redemption.Id, workspace,
            d.Redemption.Redemption.State, d.Redemption.Redemption.DecidedBy);
        return d.Result;
    }

    public async Task RecordApprovalMessageAsync(
        WorkspaceId workspace, string redemptionId, PostedMessage message, string locale, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (redemption, existed) = await LoadAsync(
                workspace, LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), () => new RedemptionEntity(), cancellationToken);
            if (!existed) return;
            var messages = JsonSerializer.Deserialize<List<PostedMessage>>(redemption.ApprovalMessages, Json.Options) ?? [];
            if (messages.Any(m => m.IsSameMessage(message))) return;
            message = message with { Locale = locale };
            messages.Add(message);
            redemption.ApprovalMessages = JsonSerializer.Serialize(messages, Json.Options);
            var batch = new Batch(LedgerKeys.Partition(workspace));
            batch.Put(redemption, existed: true);
            if (redemption.State != nameof(RedemptionState.Pending))
            {
                // Decided before its card was even posted: bring the card up to date right away.
                var member = await GetMemberAsync(workspace, new MemberId(redemption.Requester), cancellationToken);
                AddOutbox(batch, clock.GetUtcNow(), new OutgoingPost(new ToExistingMessage(message),
                    new ApprovalUpdatePost(redemption.ToRow().Redemption, member.Balance.Available) { Locale = locale }));
            }
            try
            {
                await SubmitAsync(batch, workspace, cancellationToken);
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status == 412)
            {
            }
        }
    }

    private async Task<List<RewardEntity>> LoadRewardsAsync(WorkspaceId workspace, CancellationToken cancellationToken)
    {
        var pk = LedgerKeys.Partition(workspace);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {pk} and RowKey ge {LedgerKeys.RewardPrefix} and RowKey lt {LedgerKeys.PrefixEnd(LedgerKeys.RewardPrefix)}");
        var list = new List<RewardEntity>();
        await foreach (var e in Table.QueryAsync<RewardEntity>(filter, cancellationToken: cancellationToken)) list.Add(e);
        return list;
    }
}
