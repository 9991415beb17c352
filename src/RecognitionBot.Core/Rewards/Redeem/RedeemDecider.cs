using System.Globalization;
using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Core.Rewards.Redeem;

/// <summary>
/// What a redemption needs from storage: the reward found (<see cref="RewardCatalogue.Find"/>), the requester's row,
/// how many of this reward they redeemed this month, the rows of the approvers resolved before the transaction
/// (for the language of their cards), and the id the ledger drew for the redemption.
/// </summary>
public sealed record RedeemState(Reward Reward, MemberRow Requester, int RedeemedThisMonth, IReadOnlyList<MemberRow> Approvers, string RedemptionId);

/// <summary>
/// A redemption made: the requester's row (points spent or held), the reward's new stock (null when unlimited, as
/// then the row is not contended and not written), the month's count, the redemption row, its history line, the
/// posts (approval cards, or the requester's notice), and the answer.
/// </summary>
public sealed record RedeemDecision(
    MemberRow Requester,
    Reward? Reward,
    int RedeemedThisMonth,
    RedemptionRow Redemption,
    HistoryRow History,
    IReadOnlyList<OutgoingPost> Posts,
    RedemptionView Result);

/// <summary>The rules of redeeming: someone to approve, stock, the monthly limit, enough points.</summary>
public static class RedeemDecider
{
    public static Decided<RedeemDecision> Decide(RedeemState state, RedeemRequest command, WorkspaceSettings settings, DateTimeOffset now)
    {
        if (state.Requester.HasLeft) return new Refused(Refusal.Leaver, command.Requester.Value);
        var reward = state.Reward;
        // Nobody approves their own redemption, whatever the directory says.
        var approvers = reward.NeedsApproval ? command.Approvers.Where(a => a != command.Requester).Distinct().ToList() : [];
        if (reward.NeedsApproval && approvers.Count == 0) return new Refused(Refusal.NoApprover);
        if (reward.Stock is { } stock && stock - reward.Reserved <= 0) return new Refused(Refusal.OutOfStock, reward.Name);
        if (reward.MonthlyLimit is { } limit && state.RedeemedThisMonth >= limit)
            return new Refused(Refusal.MonthlyLimitReached, limit.ToString(CultureInfo.InvariantCulture));
        var available = state.Requester.Balance.Available;
        if (available < reward.Cost) return new Refused(Refusal.NotEnoughPoints, $"{reward.Cost}|{available}");

        var completes = !reward.NeedsApproval;
        var member = completes
            ? state.Requester with { Spent = state.Requester.Spent + reward.Cost }
            : state.Requester with { Held = state.Requester.Held + reward.Cost };
        Reward? stocked = reward.Stock is null ? null
            : completes ? reward with { Stock = reward.Stock - 1 }
            : reward with { Reserved = reward.Reserved + 1 };
        var redemption = new Redemption(state.RedemptionId, command.Requester, reward.Id, reward.Name, reward.Cost,
            completes ? RedemptionState.Completed : RedemptionState.Pending, approvers, now, DecidedAt: completes ? now : null);
        var history = new HistoryRow(command.Requester,
            new Movement(now, completes ? MovementKind.Spent : MovementKind.Held, reward.Cost, redemption.Id, null, reward.Name));

        var availableAfter = member.Balance.Available;
        List<OutgoingPost> posts = completes
            ? [new(new ToMember(command.Requester), new RedemptionNoticePost(redemption, availableAfter) { Locale = member.Locale ?? settings.DefaultLocale })]
            : approvers.Select(a => new OutgoingPost(new ToMember(a),
                new ApprovalRequestPost(redemption, availableAfter) { Locale = LocaleOf(state.Approvers, a) ?? settings.DefaultLocale })).ToList();
        var result = new RedemptionView(redemption, Views.RedemptionViews.ChangeFor(redemption.State), availableAfter);
        return new RedeemDecision(member, stocked, state.RedeemedThisMonth + 1, new RedemptionRow(redemption, MonthOf(now, settings)),
            history, posts, result);
    }

    /// <summary>The month a redemption made now counts against, for the monthly limit.</summary>
    public static string MonthOf(DateTimeOffset now, WorkspaceSettings settings) => Clock.PeriodKey(now, settings.Zone, AllowancePeriod.Monthly);

    private static string? LocaleOf(IReadOnlyList<MemberRow> rows, MemberId member) => rows.FirstOrDefault(r => r.Member == member)?.Locale;
}
