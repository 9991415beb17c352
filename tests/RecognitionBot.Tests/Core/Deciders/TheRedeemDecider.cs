using RecognitionBot.Core.Commands;
using RecognitionBot.Core.Ledger;
using RecognitionBot.Core.Outbox;
using RecognitionBot.Core.Rewards;
using RecognitionBot.Core.Rewards.Redeem;
using RecognitionBot.Core.Workspaces;

namespace RecognitionBot.Tests.Core.Deciders;

/// <summary>The rules of redeeming, decided on rows in memory: approvers, stock, monthly limit, points. No storage.</summary>
public sealed class TheRedeemDecider
{
    private static readonly WorkspaceId Acme = new(Platform.Slack, "T1");
    private static readonly MemberId Ann = new("ann");
    private static readonly MemberId Mia = new("mia");
    private static readonly MemberId Sam = new("sam");
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);
    private static readonly WorkspaceSettings Defaults = new();
    private static readonly Reward Voucher = new("voucher", "Coffee voucher", 50, null, 0, true, null);

    private static RedeemRequest Redeem(params MemberId[] approvers) => new(Acme, Ann, "voucher", "d1", Defaults, approvers);

    private static MemberRow Requester(int earned) => MemberRow.New(Ann) with { Earned = earned };

    private static RedeemState State(Reward reward, MemberRow requester, int thisMonth = 0, params MemberRow[] approvers) =>
        new(reward, requester, thisMonth, approvers, "r1");

    [Fact]
    public void HoldsThePointsAndAsksEachApproverInTheirLanguage()
    {
        var decided = RedeemDecider.Decide(State(Voucher, Requester(80), 0, MemberRow.New(Mia) with { Locale = "it" }), Redeem(Mia, Sam), Defaults, Now).Decision!;

        Assert.Equal((50, 0), (decided.Requester.Held, decided.Requester.Spent));
        Assert.Equal(RedemptionState.Pending, decided.Redemption.Redemption.State);
        Assert.Equal("2026-11", decided.Redemption.Month);
        Assert.Equal(1, decided.RedeemedThisMonth);
        Assert.Null(decided.Reward);
        Assert.Equal(new HistoryRow(Ann, new Movement(Now, MovementKind.Held, 50, "r1", null, "Coffee voucher")), decided.History);
        Assert.Equal([(new ToMember(Mia) as PostTarget, "it"), (new ToMember(Sam), "en")],
            decided.Posts.Select(p => (p.Target, Assert.IsType<ApprovalRequestPost>(p.Post).Locale)));
        Assert.Equal(new RedemptionView(decided.Redemption.Redemption, RedemptionChange.Requested, 30), decided.Result);
    }

    [Fact]
    public void RefusesWhenNobodyButTheRequesterCouldApprove()
    {
        Assert.NotNull(RedeemDecider.Decide(State(Voucher, Requester(80)), Redeem(Mia), Defaults, Now).Decision);
        Assert.Equal(new Refused(Refusal.NoApprover), RedeemDecider.Decide(State(Voucher, Requester(80)), Redeem(Ann), Defaults, Now).Refusal);
        Assert.Equal(new Refused(Refusal.NoApprover), RedeemDecider.Decide(State(Voucher, Requester(80)), Redeem(), Defaults, Now).Refusal);
    }

    [Fact]
    public void CompletesARewardWithoutApprovalAtOnceAndTakesItFromStock()
    {
        var mug = Voucher with { NeedsApproval = false, Stock = 3, Reserved = 1 };

        var decided = RedeemDecider.Decide(State(mug, Requester(80)), Redeem(), Defaults, Now).Decision!;

        Assert.Equal((0, 50), (decided.Requester.Held, decided.Requester.Spent));
        Assert.Equal((2, 1), (decided.Reward!.Stock, decided.Reward.Reserved));
        Assert.Equal(RedemptionState.Completed, decided.Redemption.Redemption.State);
        Assert.Equal(Now, decided.Redemption.Redemption.DecidedAt);
        Assert.Equal(new ToMember(Ann), Assert.Single(decided.Posts).Target);
        Assert.IsType<RedemptionNoticePost>(decided.Posts[0].Post);
    }

    [Fact]
    public void ReservesOneOfTheStockWhileApprovalIsPending()
    {
        var decided = RedeemDecider.Decide(State(Voucher with { Stock = 2, Reserved = 1 }, Requester(80)), Redeem(Mia), Defaults, Now).Decision!;

        Assert.Equal((2, 2), (decided.Reward!.Stock, decided.Reward.Reserved));
    }

    [Fact]
    public void RefusesARewardOutOfStock()
    {
        Assert.NotNull(RedeemDecider.Decide(State(Voucher with { Stock = 2, Reserved = 1 }, Requester(80)), Redeem(Mia), Defaults, Now).Decision);
        Assert.Equal(new Refused(Refusal.OutOfStock, "Coffee voucher"),
            RedeemDecider.Decide(State(Voucher with { Stock = 2, Reserved = 2 }, Requester(80)), Redeem(Mia), Defaults, Now).Refusal);
    }

    [Fact]
    public void RefusesBeyondTheMonthlyLimit()
    {
        var limited = Voucher with { MonthlyLimit = 2 };

        Assert.NotNull(RedeemDecider.Decide(State(limited, Requester(80), thisMonth: 1), Redeem(Mia), Defaults, Now).Decision);
        Assert.Equal(new Refused(Refusal.MonthlyLimitReached, "2"), RedeemDecider.Decide(State(limited, Requester(80), thisMonth: 2), Redeem(Mia), Defaults, Now).Refusal);
    }

    [Fact]
    public void RefusesWithoutEnoughAvailablePoints()
    {
        Assert.NotNull(RedeemDecider.Decide(State(Voucher, Requester(50)), Redeem(Mia), Defaults, Now).Decision);
        // Points held by another pending request are not available.
        var holding = Requester(80) with { Held = 50 };
        Assert.Equal(new Refused(Refusal.NotEnoughPoints, "50|30"), RedeemDecider.Decide(State(Voucher, holding), Redeem(Mia), Defaults, Now).Refusal);
    }

    [Fact]
    public void FindsARewardByIdNameOrAUniquePartOfItsName()
    {
        Reward[] live = [Voucher, Voucher with { Id = "tea", Name = "Tea voucher" }, Voucher with { Id = "day-off", Name = "Day off" }];

        Assert.Equal("voucher", RewardCatalogue.Find(live, "VOUCHER").Reward?.Id);
        Assert.Equal("tea", RewardCatalogue.Find(live, "tea voucher").Reward?.Id);
        Assert.Equal("day-off", RewardCatalogue.Find(live, " day ").Reward?.Id);
        Assert.Equal(new Refused(Refusal.UnknownReward, "massage"), RewardCatalogue.Find(live, "massage").Refusal);
        Assert.Equal(new Refused(Refusal.AmbiguousReward, "Coffee voucher, Tea voucher"), RewardCatalogue.Find(live, "vouch").Refusal);
    }
}
