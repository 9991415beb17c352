using System.Globalization;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Audit;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger
{
    public async Task<IReadOnlyList<Reward>> GetRewardsAsync(WorkspaceId workspace, CancellationToken cancellationToken) =>
        (await LoadRewardsAsync(workspace, cancellationToken)).Where(e => !e.Removed).Select(ToReward).OrderBy(r => r.Cost).ThenBy(r => r.Name).ToList();

    public async Task<CommandResult> AddRewardAsync(WorkspaceId workspace, MemberId admin, AddRewardCommand command, CancellationToken cancellationToken)
    {
        var existing = await LoadRewardsAsync(workspace, cancellationToken);
        if (existing.Any(e => !e.Removed && string.Equals(e.Name, command.Name, StringComparison.OrdinalIgnoreCase)))
            return new Refused(Refusal.RewardExists, command.Name);
        var id = Slug(command.Name);
        var taken = existing.Select(e => e.RowKey[LedgerKeys.RewardPrefix.Length..]).ToHashSet();
        for (var n = 2; taken.Contains(id); n++) id = $"{Slug(command.Name)}-{n}";
        var batch = new Batch(LedgerKeys.Partition(workspace));
        batch.Add(new RewardEntity
        {
            RowKey = LedgerKeys.Reward(id),
            Name = command.Name,
            Cost = command.Cost,
            Stock = command.Stock,
            NeedsApproval = command.NeedsApproval,
            MonthlyLimit = command.MonthlyLimit,
        });
        batch.Audit(new AuditEntry(clock.GetUtcNow(), admin, AuditAction.RewardAdded, command.Name, null, Describe(command), id));
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return new Refused(Refusal.RewardExists, command.Name);
        }
        return new AdminDone(command, id);
    }

    public async Task<CommandResult> RemoveRewardAsync(WorkspaceId workspace, MemberId admin, RemoveRewardCommand command, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (reward, existed) = await LoadAsync(workspace, LedgerKeys.Reward(command.RewardId.ToLowerInvariant()), () => new RewardEntity(), cancellationToken);
            if (!existed || reward.Removed) return new Refused(Refusal.UnknownReward, command.RewardId);
            // Kept as a removed row: pending redemptions still point at it and may still be decided.
            reward.Removed = true;
            var batch = new Batch(LedgerKeys.Partition(workspace));
            batch.Put(reward, existed: true);
            batch.Audit(new AuditEntry(clock.GetUtcNow(), admin, AuditAction.RewardRemoved, reward.Name, Describe(reward), null, command.RewardId.ToLowerInvariant()));
            try
            {
                await SubmitAsync(batch, workspace, cancellationToken);
                return new AdminDone(command, reward.Name);
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
            }
        }
        return new Refused(Refusal.Busy);
    }

    public async Task<Redemption?> GetRedemptionAsync(WorkspaceId workspace, string redemptionId, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<RedemptionEntity>(LedgerKeys.Partition(workspace), LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? ToRedemption(e) : null;
    }

    public async Task<CommandResult> RedeemAsync(RedeemRequest request, CancellationToken cancellationToken)
    {
        using (await LockAsync(request.Workspace, [request.Requester], cancellationToken))
        {
            IReadOnlyList<MemberId>? approvers = null;
            return await RetryOnConflictAsync(request.Workspace, request.DeliveryKey, async _ =>
            {
                var rewards = await LoadRewardsAsync(request.Workspace, cancellationToken);
                var (reward, refusal) = Find(rewards, request.Reward);
                if (reward is null) return refusal!;
                if (reward.NeedsApproval)
                {
                    approvers ??= (await request.ResolveApprovers(cancellationToken)).Where(a => a != request.Requester).Distinct().ToList();
                    if (approvers.Count == 0) return new Refused(Refusal.NoApprover);
                }
                return await TryRedeemAsync(request, reward, approvers ?? [], cancellationToken);
            }, cancellationToken);
        }
    }

    private async Task<CommandResult> TryRedeemAsync(RedeemRequest r, RewardEntity reward, IReadOnlyList<MemberId> approvers, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var month = Clock.PeriodKey(now, r.Settings.Zone, AllowancePeriod.Monthly);
        var rewardId = reward.RowKey[LedgerKeys.RewardPrefix.Length..];
        var (member, memberExisted) = await LoadMemberAsync(r.Workspace, r.Requester, cancellationToken);
        var (counter, counterExisted) = await LoadAsync(r.Workspace, LedgerKeys.RedemptionCount(r.Requester, rewardId, month), () => new CounterEntity(), cancellationToken);

        if (reward.Stock is { } stock && stock - reward.Reserved <= 0) return new Refused(Refusal.OutOfStock, reward.Name);
        if (reward.MonthlyLimit is { } limit && counter.Count >= limit) return new Refused(Refusal.MonthlyLimitReached, limit.ToString(CultureInfo.InvariantCulture));
        var available = BalanceOf(member).Available;
        if (available < reward.Cost) return new Refused(Refusal.NotEnoughPoints, $"{reward.Cost}|{available}");

        var id = LedgerKeys.NewId();
        var completes = !reward.NeedsApproval;
        var state = completes ? RedemptionState.Completed : RedemptionState.Pending;
        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        if (completes)
        {
            member.Spent += reward.Cost;
            if (reward.Stock is not null) reward.Stock--;
        }
        else
        {
            member.Held += reward.Cost;
            if (reward.Stock is not null) reward.Reserved++;
        }
        batch.Put(member, memberExisted);
        // Stock is the only part of the reward a redemption changes; unlimited rewards are not contended.
        if (reward.Stock is not null) batch.Put(reward, existed: true);
        counter.Count++;
        batch.Put(counter, counterExisted);
        batch.Add(new RedemptionEntity
        {
            RowKey = LedgerKeys.Redemption(id),
            Requester = r.Requester.Value,
            RewardId = rewardId,
            RewardName = reward.Name,
            Cost = reward.Cost,
            State = state.ToString(),
            Approvers = WriteList(approvers.Select(a => a.Value)),
            RequestedAt = now,
            DecidedAt = completes ? now : null,
            Month = month,
        });
        AddMovement(batch, r.Requester, now, completes ? MovementKind.Spent : MovementKind.Held, reward.Cost, id, null, reward.Name);

        var redemption = new Redemption(id, r.Requester, rewardId, reward.Name, reward.Cost, state, approvers, now, DecidedAt: completes ? now : null);
        var availableAfter = BalanceOf(member).Available;
        if (completes)
        {
            AddOutbox(batch, now, new ToMember(r.Requester), new RedemptionNoticePost(redemption, availableAfter) { Locale = member.Locale ?? r.Settings.DefaultLocale });
        }
        else
        {
            var approverRows = await GetMembersAsync(r.Workspace, approvers, cancellationToken);
            foreach (var approver in approverRows)
                AddOutbox(batch, now, new ToMember(approver.Member), new ApprovalRequestPost(redemption, availableAfter) { Locale = approver.Locale ?? r.Settings.DefaultLocale });
        }
        var result = new RedemptionView(redemption, completes ? RedemptionChange.Completed : RedemptionChange.Requested, availableAfter);
        AddOnce(batch, r.DeliveryKey, result);
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Redemption {RedemptionId} of {Reward} by {Member} in {Workspace}: {State}", id, rewardId, r.Requester, r.Workspace, state);
        return result;
    }

    public Task<CommandResult> DecideAsync(DecideRequest request, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(request.Workspace, request.DeliveryKey, async _ =>
        {
            var (redemption, existed) = await LoadAsync(request.Workspace, LedgerKeys.Redemption(LedgerKeys.Escape(request.RedemptionId)), () => new RedemptionEntity(), cancellationToken);
            if (!existed) return new Refused(Refusal.UnknownRedemption, request.RedemptionId);
            var requester = new MemberId(redemption.Requester);
            if (redemption.State != nameof(RedemptionState.Pending))
                return await UnchangedAsync(request.Workspace, redemption, cancellationToken);
            var requesterState = await GetMemberAsync(request.Workspace, requester, cancellationToken);
            if (DecisionRules.Check(ToRedemption(redemption), request.Decider, request.Settings, requesterState) is { } refused) return refused;
            return await TryCloseAsync(request.Workspace, redemption, request.Approve ? RedemptionState.Approved : RedemptionState.Rejected,
                request.Decider, request.Reason, request.DeliveryKey, request.Settings, cancellationToken);
        }, cancellationToken);

    public Task<CommandResult> CancelAsync(WorkspaceId workspace, MemberId requester, string redemptionId, string? deliveryKey, WorkspaceSettings settings, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(workspace, deliveryKey, async _ =>
        {
            var (redemption, existed) = await LoadAsync(workspace, LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), () => new RedemptionEntity(), cancellationToken);
            if (!existed) return new Refused(Refusal.UnknownRedemption, redemptionId);
            if (new MemberId(redemption.Requester) != requester) return new Refused(Refusal.NotRequester);
            if (redemption.State != nameof(RedemptionState.Pending)) return await UnchangedAsync(workspace, redemption, cancellationToken);
            return await TryCloseAsync(workspace, redemption, RedemptionState.Cancelled, requester, null, deliveryKey, settings, cancellationToken);
        }, cancellationToken);

    /// <summary>Approve (held to spent, stock down), reject or cancel (hold released) in one transaction.</summary>
    private async Task<CommandResult> TryCloseAsync(
        WorkspaceId workspace, RedemptionEntity redemption, RedemptionState state, MemberId by, string? reason, string? deliveryKey,
        WorkspaceSettings settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var requester = new MemberId(redemption.Requester);
        var (member, memberExisted) = await LoadMemberAsync(workspace, requester, cancellationToken);
        var (reward, rewardExisted) = await LoadAsync(workspace, LedgerKeys.Reward(redemption.RewardId), () => new RewardEntity(), cancellationToken);
        var batch = new Batch(LedgerKeys.Partition(workspace));

        member.Held = Math.Max(0, member.Held - redemption.Cost);
        if (state == RedemptionState.Approved) member.Spent += redemption.Cost;
        batch.Put(member, memberExisted);
        if (rewardExisted && reward.Stock is not null)
        {
            reward.Reserved = Math.Max(0, reward.Reserved - 1);
            if (state == RedemptionState.Approved) reward.Stock = Math.Max(0, reward.Stock.Value - 1);
            batch.Put(reward, existed: true);
        }
        if (state != RedemptionState.Approved)
        {
            // A refused or withdrawn request does not use up the member's monthly limit.
            var counterKey = LedgerKeys.RedemptionCount(requester, redemption.RewardId, redemption.Month ?? "");
            var (counter, counterExisted) = await LoadAsync(workspace, counterKey, () => new CounterEntity(), cancellationToken);
            if (counterExisted && counter.Count > 0)
            {
                counter.Count--;
                batch.Put(counter, existed: true);
            }
        }

        redemption.State = state.ToString();
        redemption.DecidedBy = by.Value;
        redemption.DecidedAt = now;
        redemption.Reason = string.IsNullOrWhiteSpace(reason) ? null : Trim(reason.Trim(), 500);
        batch.Put(redemption, existed: true);
        AddMovement(batch, requester, now, state == RedemptionState.Approved ? MovementKind.Spent : MovementKind.Released,
            redemption.Cost, LedgerKeys.Unescape(redemption.RowKey["redemption|".Length..]), by, redemption.RewardName);
        if (state is RedemptionState.Approved or RedemptionState.Rejected)
            batch.Audit(new AuditEntry(now, by, state == RedemptionState.Approved ? AuditAction.Approved : AuditAction.Rejected, requester.Value,
                nameof(RedemptionState.Pending), state.ToString(), $"{redemption.RewardName} ({LedgerKeys.Unescape(redemption.RowKey["redemption|".Length..])})"
                + (redemption.Reason is { } why ? ": " + why : "")));

        var view = ToRedemption(redemption);
        var available = BalanceOf(member).Available;
        // Each card is redrawn in the language it was first drawn in.
        foreach (var message in view.ApprovalMessages ?? [])
            AddOutbox(batch, now, new ToExistingMessage(message), new ApprovalUpdatePost(view, available) { Locale = message.Locale ?? settings.DefaultLocale });
        if (state != RedemptionState.Cancelled)
            AddOutbox(batch, now, new ToMember(requester), new RedemptionNoticePost(view, available) { Locale = member.Locale ?? settings.DefaultLocale });

        var result = new RedemptionView(view, Views.RedemptionViews.ChangeFor(state), available);
        AddOnce(batch, deliveryKey, result);
        await SubmitAsync(batch, workspace, cancellationToken);
        log.LogInformation("Redemption {RedemptionId} in {Workspace} {State} by {Member}", view.Id, workspace, state, by);
        return result;
    }

    private async Task<CommandResult> UnchangedAsync(WorkspaceId workspace, RedemptionEntity redemption, CancellationToken cancellationToken)
    {
        var requester = await GetMemberAsync(workspace, new MemberId(redemption.Requester), cancellationToken);
        return new RedemptionView(ToRedemption(redemption), RedemptionChange.Unchanged, requester.Balance.Available);
    }

    public async Task RecordApprovalMessageAsync(WorkspaceId workspace, string redemptionId, PostedMessage message, string locale, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (redemption, existed) = await LoadAsync(workspace, LedgerKeys.Redemption(LedgerKeys.Escape(redemptionId)), () => new RedemptionEntity(), cancellationToken);
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
                AddOutbox(batch, clock.GetUtcNow(), new ToExistingMessage(message), new ApprovalUpdatePost(ToRedemption(redemption), member.Balance.Available) { Locale = locale });
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
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {pk} and RowKey ge {LedgerKeys.RewardPrefix} and RowKey lt {LedgerKeys.PrefixEnd(LedgerKeys.RewardPrefix)}");
        var list = new List<RewardEntity>();
        await foreach (var e in Table.QueryAsync<RewardEntity>(filter, cancellationToken: cancellationToken)) list.Add(e);
        return list;
    }

    /// <summary>A reward by id, else by a name or a unique part of one.</summary>
    private static (RewardEntity? Reward, Refused? Refusal) Find(List<RewardEntity> rewards, string query)
    {
        var live = rewards.Where(r => !r.Removed).ToList();
        var q = query.Trim();
        var byId = live.FirstOrDefault(r => string.Equals(r.RowKey[LedgerKeys.RewardPrefix.Length..], q, StringComparison.OrdinalIgnoreCase));
        if (byId is not null) return (byId, null);
        var byName = live.Where(r => string.Equals(r.Name, q, StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (byName.Count == 1) return (byName[0], null);
        var partial = live.Where(r => r.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase)).ToList();
        return partial.Count switch
        {
            1 => (partial[0], null),
            0 => (null, new Refused(Refusal.UnknownReward, q)),
            _ => (null, new Refused(Refusal.AmbiguousReward, string.Join(", ", partial.Select(p => p.Name)))),
        };
    }

    // How a reward reads in the audit log: its cost and limits, in the words of the admin command that made it.
    private static string Describe(AddRewardCommand c) => DescribeReward(c.Cost, c.Stock, c.NeedsApproval, c.MonthlyLimit);

    private static string Describe(RewardEntity e) => DescribeReward(e.Cost, e.Stock, e.NeedsApproval, e.MonthlyLimit);

    private static string DescribeReward(int cost, int? stock, bool needsApproval, int? monthlyLimit) =>
        string.Join(' ', new[]
        {
            cost.ToString(CultureInfo.InvariantCulture),
            stock is { } s ? $"--stock {s}" : null,
            needsApproval ? null : "--no-approval",
            monthlyLimit is { } m ? $"--monthly-limit {m}" : null,
        }.Where(w => w is not null));

    private static Reward ToReward(RewardEntity e) =>
        new(e.RowKey[LedgerKeys.RewardPrefix.Length..], e.Name, e.Cost, e.Stock, e.Reserved, e.NeedsApproval, e.MonthlyLimit);

    private static Redemption ToRedemption(RedemptionEntity e) => new(
        LedgerKeys.Unescape(e.RowKey["redemption|".Length..]),
        new MemberId(e.Requester),
        e.RewardId,
        e.RewardName,
        e.Cost,
        Enum.Parse<RedemptionState>(e.State),
        ReadList(e.Approvers).Select(a => new MemberId(a)).ToList(),
        e.RequestedAt,
        e.DecidedBy is null ? null : new MemberId(e.DecidedBy),
        e.DecidedAt,
        e.Reason,
        JsonSerializer.Deserialize<List<PostedMessage>>(e.ApprovalMessages, Json.Options));

    /// <summary>A readable id from a reward's name: <c>Coffee voucher</c> becomes <c>coffee-voucher</c>.</summary>
    internal static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
            else if ((char.IsWhiteSpace(c) || c is '-' or '_') && sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }
        var slug = sb.ToString().Trim('-');
        if (slug.Length > 40) slug = slug[..40].Trim('-');
        return slug.Length == 0 ? "reward" : slug;
    }
}
