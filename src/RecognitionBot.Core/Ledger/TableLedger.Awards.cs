using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using RecognitionBot.Core.Awards;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Ledger;

public sealed partial class TableLedger : IAwardLedger
{
    public Task<CommandResult> NominateAsync(NominateRequest request, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(request.Workspace, request.DeliveryKey, async _ =>
        {
            var now = clock.GetUtcNow();
            var month = AwardPeriods.Month(now, request.Settings.Zone);
            var key = LedgerKeys.Nomination(month, request.Nominee, request.Nominator);
            var existing = await Table.GetEntityIfExistsAsync<NominationEntity>(
                LedgerKeys.Partition(request.Workspace), key, ["RowKey"], cancellationToken);
            var decided = NominationDecider.Decide(existing.HasValue, request, now);
            if (decided.Decision is not { } d)
                return await RefuseUnlessRepeatedAsync(request.Workspace, request.DeliveryKey, decided.Refusal!, cancellationToken);
            var batch = new Batch(LedgerKeys.Partition(request.Workspace));
            batch.Add(new NominationEntity
            {
                RowKey = key,
                Month = month,
                Nominee = d.Nomination.Nominee.Value,
                Nominator = d.Nomination.Nominator.Value,
                Reason = d.Nomination.Reason,
                At = now,
            });
            AddCommon(batch, now, [], null, [], request.DeliveryKey, d.Result);
            await SubmitAsync(batch, request.Workspace, cancellationToken);
            log.LogInformation("Nomination for {Month} in {Workspace}", month, request.Workspace);
            return d.Result;
        }, cancellationToken);

    public async Task<IReadOnlyList<Nomination>> GetNominationsAsync(WorkspaceId workspace, string month, CancellationToken cancellationToken)
    {
        var prefix = LedgerKeys.NominationPrefix(month);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {prefix} and RowKey lt {LedgerKeys.PrefixEnd(prefix)}");
        var found = new List<Nomination>();
        await foreach (var e in Table.QueryAsync<NominationEntity>(filter, cancellationToken: cancellationToken))
            found.Add(new Nomination(e.Month, new MemberId(e.Nominee), new MemberId(e.Nominator), e.Reason, e.At));
        return [.. found.OrderBy(n => n.At)];
    }

    public async Task<Award?> GetAwardAsync(WorkspaceId workspace, string period, CancellationToken cancellationToken)
    {
        var found = await Table.GetEntityIfExistsAsync<AwardEntity>(LedgerKeys.Partition(workspace), LedgerKeys.Award(period),
            cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? Read(e) : null;
    }

    public async Task<IReadOnlyList<Award>> GetMonthlyAwardsAsync(WorkspaceId workspace, string year, CancellationToken cancellationToken)
    {
        var prefix = LedgerKeys.Award(year + "-");
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {LedgerKeys.Partition(workspace)} and RowKey ge {prefix} and RowKey lt {LedgerKeys.PrefixEnd(prefix)}");
        var found = new List<Award>();
        await foreach (var e in Table.QueryAsync<AwardEntity>(filter, cancellationToken: cancellationToken)) found.Add(Read(e));
        return [.. found.OrderBy(a => a.Period, StringComparer.Ordinal)];
    }

    public async Task<bool> IsAwardOpenedAsync(WorkspaceId workspace, string period, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<AwardEntity>(LedgerKeys.Partition(workspace), LedgerKeys.Award(period), ["RowKey"], cancellationToken)).HasValue;

    public async Task<bool> OpenAwardAsync(WorkspaceId workspace, Award award, IReadOnlyList<OutgoingPost> posts, CancellationToken cancellationToken)
    {
        var batch = new Batch(LedgerKeys.Partition(workspace));
        // The award row is the claim: added, never replaced, so a second instance's batch fails on it and writes nothing.
        batch.Add(Write(new AwardEntity { RowKey = LedgerKeys.Award(award.Period) }, award));
        var now = clock.GetUtcNow();
        foreach (var post in posts) AddOutbox(batch, now, post);
        try
        {
            await SubmitAsync(batch, workspace, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409 && e.FailedTransactionActionIndex == 0)
        {
            return false;
        }
    }

    public Task<CommandResult> ChooseAwardAsync(ChooseAwardRequest request, CancellationToken cancellationToken) =>
        RetryOnConflictAsync(request.Workspace, request.DeliveryKey, _ => TryChooseAsync(request, cancellationToken), cancellationToken);

    private async Task<CommandResult> TryChooseAsync(ChooseAwardRequest r, CancellationToken cancellationToken)
    {
        var (entity, existed) = await LoadAsync(r.Workspace, LedgerKeys.Award(r.Period), () => new AwardEntity(), cancellationToken);
        var now = clock.GetUtcNow();
        var award = existed ? Read(entity) : null;
        RewardEntity? rewardEntity = null;
        if (award is { IsDecided: false } && !string.IsNullOrEmpty(r.RewardId))
        {
            var (reward, rewardExisted) = await LoadAsync(
                r.Workspace, LedgerKeys.Reward(LedgerKeys.Escape(r.RewardId.ToLowerInvariant())), () => new RewardEntity(), cancellationToken);
            rewardEntity = rewardExisted && !reward.Removed ? reward : null;
        }
        var winner = award is { IsDecided: false } ? await GetMemberAsync(r.Workspace, r.Winner, cancellationToken) : null;

        var state = new AwardState(award, rewardEntity?.ToReward(), winner?.Locale, LedgerKeys.NewId());
        var decided = AwardDecider.Decide(state, r, now);
        if (decided.Decision is not { } d) return decided.Answer!;

        var batch = new Batch(LedgerKeys.Partition(r.Workspace));
        batch.Put(Write(entity, d.Award), existed: true);
        if (d.Reward is { } stocked && rewardEntity is not null)
        {
            rewardEntity.ApplyStock(stocked);
            batch.Put(rewardEntity, existed: true);
        }
        if (d.Grant is { } grant)
            batch.Add(new RedemptionEntity { RowKey = LedgerKeys.Redemption(grant.Id) }.Apply(
                new RedemptionRow(grant, Clock.PeriodKey(now, r.Settings.Zone, AllowancePeriod.Monthly))));
        AddCommon(batch, now, [], d.Audit, d.Posts, r.DeliveryKey, d.Result);
        await SubmitAsync(batch, r.Workspace, cancellationToken);
        log.LogInformation("Award {Period} in {Workspace} chosen by {Member}", r.Period, r.Workspace, r.Decider);
        return d.Result;
    }

    public async Task RecordAwardMessageAsync(
        WorkspaceId workspace, string period, PostedMessage message, string locale, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var (entity, existed) = await LoadAsync(workspace, LedgerKeys.Award(period), () => new AwardEntity(), cancellationToken);
            if (!existed) return;
            var award = Read(entity);
            if (award.Messages.Any(m => m.IsSameMessage(message))) return;
            message = message with { Locale = locale };
            award = award with { Messages = [.. award.Messages, message] };
            var batch = new Batch(LedgerKeys.Partition(workspace));
            batch.Put(Write(entity, award), existed: true);
            // Decided before this card was even posted: bring it up to date right away.
            if (award.IsDecided)
                AddOutbox(batch, clock.GetUtcNow(), new OutgoingPost(new ToExistingMessage(message), new AwardCardPost(award) { Locale = locale }));
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

    private static Award Read(AwardEntity e) => JsonSerializer.Deserialize<Award>(e.Award, Json.Options)!;

    private static AwardEntity Write(AwardEntity e, Award award)
    {
        e.Period = award.Period;
        e.Kind = award.Kind.ToString();
        e.Winner = award.Winner?.Value;
        e.Award = JsonSerializer.Serialize(award, Json.Options);
        return e;
    }
}
